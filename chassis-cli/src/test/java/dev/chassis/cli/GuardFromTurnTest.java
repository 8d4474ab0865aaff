package dev.chassis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** From a bad turn to a proven fix on the command line: {@code guard add --session S --turn N}, then the next interview keeps it. */
class GuardFromTurnTest {

    private static final Path EXAMPLES = Path.of(System.getProperty("chassis.repo.dir", "..")).toAbsolutePath().normalize().resolve("examples");
    private static final String GUIDE = EXAMPLES.resolve("guides/onboarding-en.yaml").toString();
    private static final String REFUSAL = "What we pay for it is a sore subject for me, to be honest.\n/exit\n";

    @TempDir
    Path dir;

    @Test
    void a_turn_of_a_recorded_interview_becomes_an_incident_whose_fix_the_next_interview_keeps() {
        String session = session(TalkCommandsTest.interview(REFUSAL, "--guide", GUIDE, "--out", dir.resolve("interviews").toString()));
        String ledger = dir.resolve("ledger").toString();

        CliRunner typo = add(session, "3", "--steer", "answer~(?i)sore subject=>jump");
        assertThat(typo.exitCode()).isEqualTo(CliErrors.BAD_INPUT);
        assertThat(typo.err()).startsWith("error: --steer: ").contains("unknown 'then' directive 'jump'");

        CliRunner note = add(session, "3", "--note", "staged:Never ask about money twice.");
        assertThat(note.exitCode()).as(note.out() + note.err()).isEqualTo(CliErrors.FAILED);
        assertThat(note.err()).startsWith("Not added: with the fix the turn still makes the mistake");
        assertThat(dir.resolve("ledger")).doesNotExist();

        CliRunner added = add(session, "3", "--steer", "answer~(?i)sore subject=>move-on");
        assertThat(added.exitCode()).as(added.out() + added.err()).isZero();
        assertThat(added.out()).containsPattern("as recorded: .*pay for it is a sore subject")
                .contains("replayed now:   'probe'").contains("with the fix:   'moveon'").contains("Added turn-3-" + session);

        CliRunner check = CliRunner.run("guard", "check", "--ledger", ledger);
        assertThat(check.exitCode()).as(check.out() + check.err()).isZero();
        assertThat(check.out()).contains("1 of 1 incidents prevented");

        CliRunner next = TalkCommandsTest.interview(REFUSAL, "--guide", GUIDE, "--out", dir.resolve("interviews").toString(), "--ledger", ledger);
        String reply = next.out().substring(next.out().indexOf("you › AI  › "));
        assertThat(reply).doesNotContain("When you say \"pay for it is a sore subject\"").contains("moveon");
    }

    @Test
    void a_turn_that_is_not_there_or_not_the_interviewers_is_one_error() {
        String session = session(TalkCommandsTest.interview(REFUSAL, "--guide", GUIDE, "--out", dir.resolve("interviews").toString()));
        CliRunner participant = add(session, "2", "--steer", "answer~x=>move-on");
        assertThat(participant.exitCode()).isEqualTo(CliErrors.BAD_INPUT);
        assertThat(participant.err()).startsWith("error: --turn: turn 2 of session " + session + " is the participant's");
        CliRunner missing = add("no-such-session", "3", "--steer", "answer~x=>move-on");
        assertThat(missing.err()).startsWith("error: --session: no transcript of session 'no-such-session'");
        CliRunner path = add("../../etc/passwd", "3", "--steer", "answer~x=>move-on");
        assertThat(path.exitCode()).isEqualTo(CliErrors.BAD_INPUT);
        assertThat(path.err()).startsWith("error: --session: ");
    }

    private CliRunner add(String session, String turn, String... fix) {
        String[] base = {"guard", "add", "--ledger", dir.resolve("ledger").toString(), "--session", session, "--turn", turn,
            "--transcripts", dir.resolve("interviews").toString(), "--guide", GUIDE, "--title", "Asked on after a refusal", "--reason", "a refusal is final"};
        return CliRunner.run(java.util.stream.Stream.concat(java.util.Arrays.stream(base), java.util.Arrays.stream(fix)).toArray(String[]::new));
    }

    private static String session(CliRunner interview) {
        assertThat(interview.exitCode()).as(interview.err()).isZero();
        Matcher m = Pattern.compile("Session: +(\\S+)").matcher(interview.out());
        assertThat(m.find()).as(interview.out()).isTrue();
        return m.group(1);
    }
}
