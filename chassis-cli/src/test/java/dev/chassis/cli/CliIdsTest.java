package dev.chassis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Run and session ids on the command line are ids: a name that could be a path is one clear error, and no file is touched. */
class CliIdsTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"../../etc", "/tmp", "~", "a/b", "A-1", ".."})
    void resume_approve_and_reject_take_run_ids_only(String id) {
        Path runs = dir.resolve("runs");
        for (String command : new String[] {"resume", "approve", "reject"}) {
            CliRunner r = CliRunner.run(command, id, "--out", runs.toString());
            assertThat(r.exitCode()).as(command).isEqualTo(CliErrors.BAD_INPUT);
            assertThat(r.err()).as(command).startsWith("error: <run id>: must be an id of 1-100 lower-case letters").doesNotContain("Exception");
        }
        assertThat(Files.exists(runs)).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"../../etc/x", "/tmp/x", "a/b"})
    void an_interview_resumes_a_session_id_only(String id) {
        Path guide = Path.of(System.getProperty("chassis.repo.dir", "..")).resolve("examples/guides/onboarding-en.yaml");
        CliRunner r = CliRunner.run("interview", "--guide", guide.toString(), "--resume", id, "--out", dir.resolve("out").toString());
        assertThat(r.exitCode()).isEqualTo(CliErrors.BAD_INPUT);
        assertThat(r.err()).startsWith("error: --resume: must be an id of").doesNotContain("Exception");
        assertThat(Files.exists(dir.resolve("out"))).isFalse();
    }
}
