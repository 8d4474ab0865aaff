package dev.chassis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chassis.testkit.ledger.LedgerFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code chassis fork} re-runs a workflow run from a step with a change, as a run of its own; {@code chassis diff} compares the two. */
class ForkCommandsTest {

    private static final Path EXAMPLES = Path.of(System.getProperty("chassis.repo.dir", "..")).toAbsolutePath().normalize().resolve("examples");

    @TempDir
    Path dir;

    @Test
    void a_fork_with_a_ledger_reuses_the_steps_before_and_the_diff_shows_the_step_it_changed() throws IOException {
        Path runs = dir.resolve("runs");
        CliRunner r = CliRunner.run("run", workflow().toString(), "--out", runs.toString());
        assertThat(r.exitCode()).as(r.err()).isEqualTo(StudyRunCommands.WAITING);
        String id;
        try (Stream<Path> s = Files.list(runs)) {
            id = s.findFirst().orElseThrow().getFileName().toString();
        }
        assertThat(CliRunner.run("approve", id, "--out", runs.toString()).exitCode()).isZero();

        Path ledger = Files.createDirectories(dir.resolve("ledger"));
        Files.writeString(ledger.resolve("no-durations.yaml"), LedgerFixtures.noDurationsIncident());
        CliRunner fork = CliRunner.run("fork", id, "--from", "invite", "--ledger", ledger.toString(), "--out", runs.toString());
        assertThat(fork.out()).as(fork.err()).contains("Fork:     " + id + "-fork-1 of " + id + " from step invite, 1 fixes from")
                .contains("▸ invite").doesNotContain("▸ screen").doesNotContain("▸ rules");
        assertThat(CliRunner.run("runs", "--out", runs.toString()).out()).contains(id + "-fork-1");

        CliRunner diff = CliRunner.run("diff", id, id + "-fork-1", "--out", runs.toString());
        assertThat(diff.exitCode()).as(diff.err()).isZero();
        assertThat(diff.out()).contains("diff " + id + " -> " + id + "-fork-1").containsPattern("(?m)^  screen: succeeded -> succeeded")
                .containsPattern("(?m)^~ invite: succeeded -> ").contains("1 of 3 steps differ.");

        CliRunner second = CliRunner.run("fork", id, "--from", "screen", "--out", runs.toString());
        assertThat(second.out()).as(second.err()).contains(id + "-fork-2 of " + id);
        assertThat(second.exitCode()).isEqualTo(StudyRunCommands.WAITING);
    }

    @Test
    void a_fork_of_what_is_not_a_workflow_run_is_one_error() {
        CliRunner none = CliRunner.run("fork", "no-such-run", "--from", "x", "--out", dir.toString());
        assertThat(none.exitCode()).isEqualTo(CliErrors.BAD_INPUT);
        assertThat(none.err()).contains("no run 'no-such-run'").doesNotContain("Exception");
        CliRunner path = CliRunner.run("diff", "../x", "y", "--out", dir.toString());
        assertThat(path.exitCode()).isEqualTo(CliErrors.BAD_INPUT);
    }

    @Test
    void an_interview_forked_with_a_ledger_goes_elsewhere_where_the_fix_applies() {
        Path guide = EXAMPLES.resolve("guides/onboarding-en.yaml");
        CliRunner interview = TalkCommandsTest.interview("What we pay for it is a sore subject for me, to be honest.\n"
                + "We tried planning the next sprint first.\n/exit\n", "--guide", guide.toString(), "--out", dir.resolve("interviews").toString());
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("Session: +(\\S+)").matcher(interview.out());
        assertThat(m.find()).as(interview.out()).isTrue();
        CliRunner fork = CliRunner.run("fork-session", m.group(1), "--guide", guide.toString(), "--transcripts", dir.resolve("interviews").toString(),
                "--ledger", EXAMPLES.resolve("ledger").toString(), "--out", dir.resolve("forks").toString());
        assertThat(fork.exitCode()).as(fork.err()).isZero();
        assertThat(fork.out()).containsPattern("(?m)^~   3 interviewer - .*pay for it is a sore subject")
                .contains("The fork goes elsewhere from turn 3.").contains("signals: recorded {");
        Path forked = dir.resolve("forks").resolve(m.group(1) + "-fork-1.json");
        assertThat(dev.chassis.research.transcript.TranscriptFiles.load(forked).getFirst().turns().get(2).text())
                .doesNotContain("pay for it is a sore subject");
    }

    @Test
    void an_interview_forked_at_a_turn_is_carried_on_by_a_synthetic_participant() {
        Path guide = EXAMPLES.resolve("guides/onboarding-en.yaml");
        CliRunner interview = TalkCommandsTest.interview("What we pay for it is a sore subject for me, to be honest.\n"
                + "We tried planning the next sprint first.\n/exit\n", "--guide", guide.toString(), "--out", dir.resolve("interviews").toString());
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("Session: +(\\S+)").matcher(interview.out());
        assertThat(m.find()).as(interview.out()).isTrue();
        String session = m.group(1);
        CliRunner fork = CliRunner.run("fork-session", session, "--turn", "3", "--guide", guide.toString(), "--transcripts",
                dir.resolve("interviews").toString(), "--ledger", EXAMPLES.resolve("ledger").toString(), "--persona",
                EXAMPLES.resolve("personas/contradicting-founder.yaml").toString(), "--out", dir.resolve("forks").toString());
        assertThat(fork.exitCode()).as(fork.err()).isZero();
        assertThat(fork.out()).contains("Fork of " + session + " at turn 3").contains("From turn 3 on, the synthetic participant")
                .contains("The fork goes elsewhere from turn 3.");
        var original = dev.chassis.research.transcript.TranscriptFiles.load(dir.resolve("interviews").resolve(session + ".json")).getFirst().turns();
        var forked = dev.chassis.research.transcript.TranscriptFiles.load(dir.resolve("forks").resolve(session + "-fork-1.json")).getFirst().turns();
        // the opening as recorded (on a slow machine either side may start with a deadline bridge), then the first answer
        assertThat(forked.get(0).text()).contains("How did you and your team first set up the app?");
        assertThat(original.get(0).text()).contains("How did you and your team first set up the app?");
        assertThat(forked.get(1).text()).isEqualTo(original.get(1).text());
        assertThat(forked.get(2).text()).doesNotContain("sore subject");     // the ledger's rule moves on at turn 3
        assertThat(forked.get(3).text()).isNotEqualTo(original.get(3).text()); // and the persona, not the recording, answers
        assertThat(forked.size()).isGreaterThan(original.size());

        CliRunner participants = CliRunner.run("fork-session", session, "--turn", "2", "--guide", guide.toString(), "--transcripts",
                dir.resolve("interviews").toString(), "--out", dir.resolve("forks").toString());
        assertThat(participants.exitCode()).isEqualTo(CliErrors.BAD_INPUT);
        assertThat(participants.err()).contains("turn 2 of session " + session + " is the participant's").doesNotContain("Exception");
    }

    private Path workflow() throws IOException {
        return WorkCommandsTest.workflowCopy(dir);
    }
}
