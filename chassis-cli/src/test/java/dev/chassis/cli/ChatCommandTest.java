package dev.chassis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chassis.testkit.server.Latency;
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
