package dev.chassis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A workflow file's tool policy from the CLI: ask pauses with the call shown, approve and reject decide it, show lists every verdict. */
class PolicyCommandsTest {

    private static final Path EXAMPLE = Path.of(System.getProperty("chassis.repo.dir", "..")).toAbsolutePath().normalize()
            .resolve("examples/workflows/thank-you-notes");

    @TempDir
    Path dir;

    private Path workflow() throws IOException {
        Path to = Files.createDirectories(dir.resolve("wf"));
        for (String f : new String[] {"workflow.yaml", "participants.csv"}) {
            Files.copy(EXAMPLE.resolve(f), to.resolve(f));
        }
        return to.resolve("workflow.yaml");
    }

    private static String onlyRun(Path runs) throws IOException {
        try (Stream<Path> s = Files.list(runs)) {
            return s.findFirst().orElseThrow().getFileName().toString();
        }
    }

    @Test
    void each_note_waits_for_a_person_who_sees_the_file_and_text_before_it_is_written() throws IOException {
        Path runs = dir.resolve("runs");
        CliRunner first = CliRunner.run("run", workflow().toString(), "--out", runs.toString());

        assertThat(first.exitCode()).as(first.err()).isEqualTo(StudyRunCommands.WAITING);
        assertThat(first.out()).contains("Paused:   step notes waits for tool: tool call write_file needs a person's approval: "
                + "a researcher reads every note to a participant before it goes out")
                .contains("The tool call waiting for your decision:").contains("│ write_file").contains("│   path: notes/ana.md")
                .contains("│   text: Dear Ana, thank you for the hour you gave us on Tuesday.");
        String id = onlyRun(runs);
        Path notes = runs.resolve(id).resolve("files/notes");
        assertThat(notes.resolve("ana.md")).doesNotExist();
        assertThat(CliRunner.run("runs", "--out", runs.toString()).out()).contains(id + " ").contains("waiting")
                .contains("tool call write_file needs a person's approval");

        CliRunner shown = CliRunner.run("show", id, "--out", runs.toString());
        assertThat(shown.exitCode()).isZero();
        assertThat(shown.out()).contains("✓ people: succeeded").contains("tool read_file {\"path\":\"participants.csv\"}: ok · policy allowed (default)")
                .contains("Waiting:  step notes waits for tool").contains("│   path: notes/ana.md");

        CliRunner second = CliRunner.run("approve", id, "--by", "maria", "--note", "warm enough", "--out", runs.toString());
        assertThat(second.exitCode()).isEqualTo(StudyRunCommands.WAITING);
        assertThat(Files.readString(notes.resolve("ana.md"))).startsWith("Dear Ana");
        assertThat(second.out()).contains("│   path: notes/dev.md");

        CliRunner third = CliRunner.run("reject", id, "--by", "maria", "--note", "too familiar", "--out", runs.toString());
        assertThat(third.exitCode()).as(third.err()).isZero();
        assertThat(notes.resolve("dev.md")).doesNotExist();
        assertThat(CliRunner.run("show", id, "--out", runs.toString()).out())
                .contains("tool write_file {\"path\":\"notes/ana.md\"").contains("ok · policy asked_and_approved (ask write_file)")
                .contains("refused · policy asked_and_refused (ask write_file)");
    }

    @Test
    void a_policy_mistake_in_a_workflow_file_is_one_located_error() throws IOException {
        Path wf = workflow();
        Files.writeString(wf, Files.readString(wf).replace("effect: ask", "effect: maybe"));
        CliRunner r = CliRunner.run("run", wf.toString(), "--out", dir.resolve("runs").toString());
        assertThat(r.exitCode()).isEqualTo(CliErrors.BAD_INPUT);
        assertThat(r.err()).contains("workflow.yaml:13: policy.rules[1].effect: must be allow, deny or ask, was 'maybe'")
                .doesNotContain("Exception");
        assertThat(dir.resolve("runs")).doesNotExist();
    }
}
