package dev.chassis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chassis.testkit.ledger.LedgerFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ledger is live: a mistake recorded in {@code examples/ledger} (asking on after a participant declined
 * to talk about money) recurs in {@code interview}, {@code simulate} and {@code eval} without the ledger, and is
 * prevented with it, named by {@code --ledger} or by the guide's {@code ledger:} key.
 */
class LiveLedgerCommandsTest {

    private static final Path REPO = Path.of(System.getProperty("chassis.repo.dir", "..")).toAbsolutePath().normalize();
    private static final Path EXAMPLES = REPO.resolve("examples");
    private static final String LEDGER = EXAMPLES.resolve("ledger").toString();
    private static final String GUIDE = EXAMPLES.resolve("guides/onboarding-en.yaml").toString();
    /** Declines to talk about how her team started, and declines again when asked again. */
    private static final String REFUSER_YAML = LedgerFixtures.soreSubjectRefuser();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    String refuser;

    @org.junit.jupiter.api.BeforeEach
    void persona() throws IOException {
        refuser = Files.writeString(dir.resolve("refuser.yaml"), REFUSER_YAML).toString();
    }

    @Test
    void interview_asks_on_after_a_refusal_without_the_ledger_and_moves_on_with_it() {
        String refusal = "What we pay for it is a sore subject for me, to be honest.\n/exit\n";
        CliRunner without = TalkCommandsTest.interview(refusal, "--guide", GUIDE, "--out", dir.resolve("a").toString());
        assertThat(without.exitCode()).as(without.err()).isZero();
        assertThat(afterRefusal(without.out())).contains("When you say \"pay for it is a sore subject\"");   // probed the sore subject

        CliRunner with = TalkCommandsTest.interview(refusal, "--guide", GUIDE, "--out", dir.resolve("b").toString(), "--ledger", LEDGER);
        assertThat(with.exitCode()).as(with.err()).isZero();
        assertThat(with.out()).contains("Ledger: " + LEDGER + ": 1 fix from 1 talk incident applied");
        assertThat(afterRefusal(with.out())).doesNotContain("When you say \"pay for it is a sore subject\"")
                .contains("moveon");
    }

    @Test
    void simulate_asks_on_after_a_refusal_without_the_ledger_and_not_with_it_nor_with_the_guides_ledger_key() throws IOException {
        CliRunner without = CliRunner.run("simulate", "--guide", GUIDE, "--persona", refuser, "--out", dir.resolve("a").toString());
        assertThat(without.exitCode()).as(without.err()).isZero();
        assertThat(answerAfterRefusal(only(dir.resolve("a")))).as("asked on, she declines again").contains("sore subject");

        CliRunner with = CliRunner.run("simulate", "--guide", GUIDE, "--persona", refuser, "--out", dir.resolve("b").toString(), "--ledger", LEDGER);
        assertThat(with.exitCode()).as(with.err()).isZero();
        assertThat(answerAfterRefusal(only(dir.resolve("b")))).doesNotContain("sore subject");

        Path guide = guideWithLedgerKey();
        CliRunner byGuide = CliRunner.run("simulate", "--guide", guide.toString(), "--persona", refuser, "--out", dir.resolve("c").toString());
        assertThat(byGuide.exitCode()).as(byGuide.err()).isZero();
        assertThat(byGuide.out()).contains("Ledger: ");
        assertThat(answerAfterRefusal(only(dir.resolve("c")))).doesNotContain("sore subject");
    }

    /**
     * The evaluation's own scorers judge it: the fix (move on at once) leaves fewer re-asked refusals. It does not
     * keep the interviewer from coming back to the topic later, which the count still shows.
     */
    @Test
    void eval_scores_fewer_refused_questions_asked_again_with_the_ledger() throws IOException {
        JsonNode without = eval("a");
        JsonNode with = eval("b", "--ledger", LEDGER);
        int before = without.path("sessions").get(0).path("refusedReasked").asInt();
        assertThat(before).as("the mistake recurs").isPositive();
        assertThat(with.path("sessions").get(0).path("refusedReasked").asInt()).isLessThanOrEqualTo(before);   // it may come back later
        assertThat(Files.readString(dir.resolve("a-sessions/session-0001.txt"))).as("the answer right after the refusal")
                .containsPattern("\\[1] AI[^\\n]*\\n\\s*P \\[en refusal,refusal_repeated");
        assertThat(Files.readString(dir.resolve("b-sessions/session-0001.txt")))
                .doesNotContainPattern("\\[1] AI[^\\n]*\\n\\s*P \\[en refusal");
    }

    /** Study runs here conduct recorded sessions (the tests' conductor); StudyRunLedgerTest shows the interviewer keep the ledger. */
    @Test
    void a_study_run_refuses_a_ledger_folder_that_does_not_exist_before_the_run_exists() throws IOException {
        Path study = study();
        CliRunner r = CliRunner.run("run", study.toString(), "--out", dir.resolve("runs").toString(), "--ledger", dir.resolve("nope").toString());
        assertThat(r.exitCode()).isEqualTo(CliErrors.BAD_INPUT);
        assertThat(r.err()).startsWith("error: --ledger: no ledger folder");
        assertThat(dir.resolve("runs")).doesNotExist();
    }

    @Test
    void a_ledger_folder_that_does_not_exist_is_one_error_not_a_run_without_fixes() {
        CliRunner r = CliRunner.run("simulate", "--guide", GUIDE, "--persona", refuser, "--out", dir.toString(), "--ledger",
                dir.resolve("no-such-ledger").toString());
        assertThat(r.exitCode()).isEqualTo(CliErrors.BAD_INPUT);
        assertThat(r.err()).startsWith("error: --ledger: no ledger folder").doesNotContain("Exception");
    }

    @Test
    void every_command_that_runs_a_harness_takes_a_ledger() {
        for (String command : new String[] {"interview", "simulate", "eval", "run", "demo", "serve"}) {
            assertThat(CliRunner.run(command, "--help").out()).as(command).contains("--ledger=<dir>");
        }
    }

    private JsonNode eval(String name, String... more) throws IOException {
        Path json = dir.resolve(name + ".json");
        String[] base = {"eval", "--guides", GUIDE, "--personas", refuser, "--late", "none", "--seed", "1", "--json", json.toString(),
            "--transcripts", dir.resolve(name + "-sessions").toString()};
        String[] args = Stream.concat(Stream.of(base), Stream.of(more)).toArray(String[]::new);
        CliRunner r = CliRunner.run(args);
        assertThat(r.exitCode()).as(r.err()).isZero();
        return JSON.readTree(json.toFile());
    }

    /** The example guide with {@code ledger:} naming a copy of the example ledger beside it: the study's own default. */
    private Path guideWithLedgerKey() throws IOException {
        Path study = Files.createDirectories(dir.resolve("study"));
        Files.createDirectories(study.resolve("ledger"));
        Files.copy(EXAMPLES.resolve("ledger/pressed-after-refusal.yaml"), study.resolve("ledger/pressed-after-refusal.yaml"));
        return Files.writeString(study.resolve("guide.yaml"), Files.readString(Path.of(GUIDE)) + "\nledger: ledger\n");
    }

    private Path study() throws IOException {
        Files.copy(EXAMPLES.resolve("study-onboarding/pool.csv"), dir.resolve("pool.csv"));
        Files.copy(Path.of(GUIDE), dir.resolve("guide.yaml"));
        Files.writeString(dir.resolve("persona.yaml"), REFUSER_YAML);
        return Files.writeString(dir.resolve("study.yaml"), """
                study: onboarding
                title: Onboarding research
                guide: guide.yaml
                pool: pool.csv
                sessions: 1
                personas: [persona.yaml]
                screener:
                  require: [{field: uses_product, equals: "yes"}]
                schedule: {timezone: Europe/Berlin, start: 2025-03-03, days: 5, hours: "08:00-20:00"}
                """);
    }

    private static Path only(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(f -> f.toString().endsWith(".json")).findFirst().orElseThrow();
        }
    }

    /** What the participant answered to the interviewer's next question after she first declined. */
    private static String answerAfterRefusal(Path transcript) throws IOException {
        JsonNode turns = JSON.readTree(transcript.toFile()).path("turns");
        for (int i = 0; i + 2 < turns.size(); i++) {
            if (turns.get(i).path("speaker").asText().equals("participant") && turns.get(i).path("text").asText().contains("sore subject")) {
                return turns.get(i + 2).path("text").asText();
            }
        }
        throw new AssertionError("the participant never declined in " + transcript + ":\n" + Files.readString(transcript));
    }

    /** The interviewer's reply after the typed refusal, with its status line. */
    private static String afterRefusal(String out) {
        int at = out.indexOf("you › AI  › ");
        assertThat(at).as(out).isNotNegative();
        return out.substring(at);
    }
}
