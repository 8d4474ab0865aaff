package dev.chassis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chassis.core.input.InputMessages;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What goes wrong is one line in plain words: never an exception's class, a library's name or a stack line. */
class CliErrorsTest {

    @TempDir
    Path dir;

    @Test
    void resuming_an_interview_that_does_not_exist_says_so() {
        Path guide = Path.of(System.getProperty("chassis.repo.dir", "..")).resolve("examples/guides/onboarding-en.yaml");
        CliRunner r = CliRunner.run("interview", "--guide", guide.toString(), "--resume", "nosuch", "--out", dir.toString());
        assertThat(r.exitCode()).isEqualTo(CliErrors.BAD_INPUT);
        assertThat(r.err()).startsWith("error: --resume: no interview 'nosuch' in ");
        assertClean(r.err());
    }

    @Test
    void a_port_in_use_is_one_sentence() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            CliRunner r = CliRunner.run("serve", "--port", String.valueOf(taken.getLocalPort()), "--data", dir.resolve("data").toString(),
                    "--exit-after-start");
            assertThat(r.exitCode()).isEqualTo(CliErrors.FAILED);
            assertThat(r.err()).startsWith("error: port " + taken.getLocalPort() + " on 127.0.0.1 is in use; stop the program that uses it");
            assertClean(r.err());
        }
    }

    @Test
    void approve_and_reject_look_for_the_run_in_their_out_folder() {
        for (String decision : java.util.List.of("approve", "reject")) {
            CliRunner r = CliRunner.run(decision, "notes-20250101-000000", "--out", dir.resolve("elsewhere").toString());
            assertThat(r.exitCode()).as(decision).isEqualTo(CliErrors.BAD_INPUT);
            assertThat(r.err()).as(decision).contains("no run 'notes-20250101-000000' in " + dir.resolve("elsewhere"));
            assertClean(r.err());
        }
    }

    @Test
    void an_unexpected_failure_prints_its_message_not_its_class() {
        java.io.StringWriter err = new java.io.StringWriter();
        picocli.CommandLine cl = ChassisCommand.commandLine();
        cl.setErr(new java.io.PrintWriter(err, true));
        int code = new CliErrors().handleExecutionException(new IllegalArgumentException("the thing went wrong"), cl, null);
        assertThat(code).isEqualTo(CliErrors.FAILED);
        assertThat(err.toString()).startsWith("error: the thing went wrong\n");
        err.getBuffer().setLength(0);
        new CliErrors().handleExecutionException(new NullPointerException("Cannot invoke \"String.length()\" because \"s\" is null"), cl, null);
        assertThat(err.toString()).startsWith("error: the command failed unexpectedly\n");
    }

    private static void assertClean(String err) {
        for (String line : err.split("\n")) {
            assertThat(InputMessages.internals(line)).as(line).isEmpty();
            assertThat(line).doesNotContain("Javalin").doesNotContain("\tat ");
        }
    }
}
