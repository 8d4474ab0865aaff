package dev.chassis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.testserver.TestServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run}, {@code runs}, {@code approve} and {@code resume} with {@code --engine temporal}, against Temporal's test
 * server listening on a port as a cluster's frontend does; each command is a new client, as separate processes are.
 */
class TemporalCommandsTest {

    private static final Path EXAMPLES = Path.of(System.getProperty("chassis.repo.dir", "..")).toAbsolutePath().normalize().resolve("examples");

    @TempDir
    Path dir;
    private TestServer.PortBoundTestServer server;
    private String target;

    @BeforeEach
    void start() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        server = TestServer.createPortBoundServer(port);
        target = "127.0.0.1:" + port;
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Path workflow() throws IOException {
        Path to = dir.resolve("wf");
        Path from = EXAMPLES.resolve("workflows/recruit-brief");
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path copy = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(f, copy);
                }
            }
        }
        return to.resolve("workflow.yaml");
    }

    private static String onlyRun(Path runs) throws IOException {
        try (Stream<Path> s = Files.list(runs)) {
            return s.findFirst().orElseThrow().getFileName().toString();
        }
    }

    @Test
    void a_workflow_runs_on_temporal_pauses_for_approval_and_a_later_command_approves_it() throws IOException {
        Path runs = dir.resolve("runs");
        CliRunner r = CliRunner.run("run", workflow().toString(), "--out", runs.toString(), "--engine", "temporal", "--temporal-target", target);
        assertThat(r.exitCode()).as(r.err()).isEqualTo(StudyRunCommands.WAITING);
        assertThat(r.out()).contains("Paused:   step invite waits for approval");
        String id = onlyRun(runs);
        assertThat(CliRunner.run("runs", "--out", runs.toString()).out()).contains(id).contains("waiting");

        CliRunner resumed = CliRunner.run("resume", id, "--out", runs.toString());
        assertThat(resumed.exitCode()).as(resumed.err()).isEqualTo(StudyRunCommands.WAITING);

        // the run remembers its engine and cluster: approve needs neither
        CliRunner approved = CliRunner.run("approve", id, "--note", "reads well", "--by", "maria", "--out", runs.toString());
        assertThat(approved.exitCode()).as(approved.err()).isZero();
        assertThat(approved.out()).contains("Approving " + id + " as maria: reads well");
        assertThat(Files.readString(runs.resolve(id).resolve("outputs.json"))).contains("\"qualified\"").contains("Ana").contains("invite");
        assertThat(CliRunner.run("runs", "--out", runs.toString()).out()).contains("done");
    }

    @Test
    void a_cluster_that_does_not_answer_is_said_in_plain_words_and_no_run_is_left_behind() throws IOException {
        Path runs = dir.resolve("runs");
        Path workflow = workflow();
        CliRunner r = CliRunner.run("run", workflow.toString(), "--out", runs.toString(), "--engine", "temporal", "--temporal-target", "127.0.0.1:1");
        assertThat(r.exitCode()).isEqualTo(CliErrors.FAILED);
        assertThat(r.err()).contains("the Temporal service at 127.0.0.1:1 did not answer").doesNotContain("Exception").doesNotContain("io.grpc");
        assertThat(runs).doesNotExist();

        CliRunner bad = CliRunner.run("run", workflow.toString(), "--out", runs.toString(), "--engine", "spark");
        assertThat(bad.exitCode()).isEqualTo(CliErrors.BAD_INPUT);
        assertThat(bad.err()).contains("--engine").contains("local, temporal");
    }

    @Test
    void the_server_starts_with_its_runs_on_temporal() {
        CliRunner r = CliRunner.run("serve", "--port", "0", "--data", dir.resolve("data").toString(), "--exit-after-start", "--engine", "temporal",
                "--temporal-target", target);
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("runs on Temporal at " + target);

        CliRunner down = CliRunner.run("serve", "--port", "0", "--data", dir.resolve("data").toString(), "--exit-after-start", "--engine",
                "temporal", "--temporal-target", "127.0.0.1:1");
        assertThat(down.exitCode()).isEqualTo(CliErrors.FAILED);
        assertThat(down.err()).contains("the Temporal service at 127.0.0.1:1 did not answer");
    }
}
