package dev.chassis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chassis.testkit.server.Fault;
import dev.chassis.testkit.server.Latency;
import dev.chassis.testkit.server.ScriptedReply;
import dev.chassis.testkit.server.SimulatedModelServer;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ChatCommandTest {

    private static String chat(String input, String... args) {
        ChatCommand command = new ChatCommand();
        command.input = new BufferedReader(new StringReader(input));
        CommandLine cl = new CommandLine(command);
        cl.setExecutionExceptionHandler(new CliErrors());
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(out, true));
        cl.execute(args);
        return out.toString();
    }

    @Test
    void the_offline_chat_streams_replies_and_reports_time_to_first_token() {
        String out = chat("Hello\nI moved to Lisbon for work last spring\n/exit\n", "--model", "offline");
        assertThat(out).startsWith("chatting with offline");
        assertThat(out).contains("Hello! What's on your mind today?");
        assertThat(out).contains("Lisbon");
        assertThat(out).containsPattern("\\[offline · first token \\d+ ms");
    }

    @Test
    void a_chat_through_the_openai_protocol_works_against_the_simulated_server() {
        try (SimulatedModelServer server = SimulatedModelServer.builder().replies("Hi from the wire.")
                .timeToFirstToken(Latency.fixed(Duration.ofMillis(30))).start()) {
            String out = chat("hello\n", "--model", server.modelString());
            assertThat(out).contains("Hi from the wire.").containsPattern("first token \\d+ ms");
        }
    }

    @Test
    void a_model_server_that_is_not_there_is_said_in_plain_words() throws Exception {
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            port = free.getLocalPort();   // closed again: nothing listens there
        }
        String model = "openai-compatible:http://127.0.0.1:" + port + "/v1#llama3.2";
        String out = chat("hello\n/exit\n", "--model", model);
        assertThat(out).contains("[no reply: " + model + ": cannot connect to the model server (connection refused); check that it is running");
        assertThat(out).doesNotContain("stream broken", "Exception");
    }

    @Test
    void each_model_failure_is_said_in_plain_words_and_the_chat_goes_on() {
        try (SimulatedModelServer server = SimulatedModelServer.builder().retryAfter(Duration.ofSeconds(3))
                .script(ScriptedReply.text("Warm."), ScriptedReply.fault(Fault.RATE_LIMITED), ScriptedReply.fault(Fault.SERVER_ERROR),
                        ScriptedReply.fault(Fault.DROP_MID_STREAM), ScriptedReply.fault(Fault.MALFORMED_CHUNK), ScriptedReply.fault(Fault.HANG),
                        ScriptedReply.text("Back again."))
                .timeToFirstToken(Latency.fixed(Duration.ofMillis(10))).start()) {
            String m = server.modelString();
            String out = chat("zero\none\ntwo\nthree\nfour\nfive\nsix\n", "--model", m, "--timeout", "3");
            assertThat(out).contains("[no reply: " + m + " is limiting how often it may be called (rate limited); try again in 3 seconds]",
                    "[no reply: the model server failed (HTTP 500); try again in a moment]",
                    "[no reply: the connection to " + m + " broke part-way through the reply; try again]",
                    "[no reply: " + m + " sent something that is not a reply this program can read;",
                    "[no reply: " + m + " gave no complete reply within 3 seconds; it may be overloaded: try again, or allow longer with --timeout]",
                    "Back again.");
            assertThat(out).doesNotContain("stream broken", "malformed", "Exception", "{");
        }
    }

    @Test
    void an_unknown_model_is_one_clear_line() {
        CliRunner r = CliRunner.run("chat", "--model", "gpt-4");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("error: unknown model 'gpt-4'; use one of: offline, openai:<model>, "
                + "openai-compatible:<baseUrl>#<model>, anthropic:<model>, gemini:<model>");
    }

    @Test
    void models_lists_every_engine_with_an_example() {
        CliRunner r = CliRunner.run("models");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("openai:<model>", "anthropic:claude-sonnet-4-5", "OPENAI_API_KEY", "offline");
    }
}
