package dev.chassis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chassis.core.journal.FileJournal;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code interview}, {@code simulate} and {@code eval}: the AI interviewer from the command line. */
class TalkCommandsTest {

    private static final Path EXAMPLES = Path.of(System.getProperty("chassis.repo.dir", "..")).toAbsolutePath().normalize().resolve("examples");

    @TempDir
    Path dir;

    /** Runs {@code chassis interview} with {@code input} piped in as the participant's lines. */
    static CliRunner interview(String input, String... args) {
        return interview(false, input, args);
    }

    private static CliRunner interview(boolean interactive, String input, String... args) {
        return interview(new InterviewCommand(), interactive, input, args);
    }

    private static CliRunner interview(InterviewCommand command, boolean interactive, String input, String... args) {
        command.input = new BufferedReader(new StringReader(input));
        command.interactive = interactive;
        CommandLine cl = new CommandLine(command);
        cl.setExecutionExceptionHandler(new CliErrors());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new CliRunner(code, out.toString(), err.toString());
    }

    @Test
    void an_interview_in_the_terminal_streams_replies_shows_a_status_line_and_saves_the_transcript() throws IOException {
        String answers = """
                We set it up on a Monday, I invited the whole team and we connected our calendar in about ten minutes.
                The first thing was planning the next sprint, everyone added their tasks on the first day.
                /exit
                """;
        CliRunner r = interview(answers, "--guide", EXAMPLES.resolve("guides/onboarding-en.yaml").toString(), "--out", dir.toString());

        assertThat(r.err()).isEmpty();
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("How did you and your team first set up the app?")
                .containsPattern("\\[covered \\d+/5 · engagement \\d\\.\\d\\d · .* · latest signal: .* · first words \\d+ ms")
                .contains("Transcript: ");
        Path transcript;
        try (Stream<Path> files = Files.list(dir)) {
            transcript = files.filter(f -> f.toString().endsWith(".json")).findFirst().orElseThrow();
        }
        assertThat(Files.readString(transcript)).contains("We set it up on a Monday").contains("planning the next sprint");
        String session = transcript.getFileName().toString().replace(".json", "");

        CliRunner resumed = interview("It helped most when we planned holidays together.\n/exit\n", "--guide",
                EXAMPLES.resolve("guides/onboarding-en.yaml").toString(), "--out", dir.toString(), "--resume", session);
        assertThat(resumed.exitCode()).isZero();
        assertThat(resumed.out()).contains("(resumed at turn 2;");
        assertThat(Files.readString(transcript)).contains("We set it up on a Monday").contains("planned holidays together");
    }

    @Test
    void the_interview_warms_the_interviewer_up_and_the_warm_up_leaves_no_session_or_journal_entry() throws IOException {
        AtomicInteger warmUps = new AtomicInteger();
        InterviewCommand command = new InterviewCommand();
        command.warmUp = (harness, staged) -> {
            harness.warmUp(staged);
            warmUps.incrementAndGet();
        };
        CliRunner r = interview(command, false, "We set it up on a Monday with the whole team.\n/exit\n", "--guide",
                EXAMPLES.resolve("guides/onboarding-en.yaml").toString(), "--out", dir.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(warmUps).as("warmed up once, before the opening").hasValue(1);
        String session;
        try (Stream<Path> files = Files.list(dir)) {
            session = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".json")).map(n -> n.replace(".json", ""))
                    .reduce((a, b) -> a + " and " + b).orElseThrow();
        }
        assertThat(new FileJournal(dir.resolve("journal")).streams()).as("the journal holds the interview's session alone").containsExactly(session);
        assertThat(r.out()).contains("Session:    " + session + " ");
    }

    @Test
    void a_mistyped_command_is_not_said_to_the_interviewer_and_quit_ends_the_interview() throws IOException {
        CliRunner r = interview("We set it up on a Monday with the whole team.\n/help\n/quit\nThis line comes after the end.\n", "--guide",
                EXAMPLES.resolve("guides/onboarding-en.yaml").toString(), "--out", dir.toString());

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("(/help is not a command here: /exit ends the interview; nothing was sent)");
        Path transcript;
        try (Stream<Path> files = Files.list(dir)) {
            transcript = files.filter(f -> f.toString().endsWith(".json")).findFirst().orElseThrow();
        }
        assertThat(Files.readString(transcript)).contains("We set it up on a Monday").doesNotContain("/help").doesNotContain("/quit")
                .doesNotContain("after the end");
    }

    @Test
    void typing_while_a_reply_streams_cuts_it_and_the_transcript_keeps_only_what_was_said() throws IOException {
        CliRunner r = interview(true, "Sorry, can I ask something first?\n/exit\n", "--guide",
                EXAMPLES.resolve("guides/onboarding-en.yaml").toString(), "--out", dir.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        Path transcript;
        try (Stream<Path> files = Files.list(dir)) {
            transcript = files.filter(f -> f.toString().endsWith(".json")).findFirst().orElseThrow();
        }
        String json = Files.readString(transcript);
        assertThat(json).contains(" —\"").contains("Sorry, can I ask something first?");
        assertThat(json).doesNotContain("How did you and your team first set up the app?");
    }

    @Test
    void a_language_the_guide_does_not_have_is_one_error() {
        CliRunner r = interview("", "--guide", EXAMPLES.resolve("guides/onboarding-en.yaml").toString(), "--lang", "ja");
        assertThat(r.exitCode()).isEqualTo(CliErrors.BAD_INPUT);
        assertThat(r.err()).startsWith("error: --lang: 'ja' is not one of the guide's languages [en, de, es, fr, pt]").doesNotContain("Exception");
    }

    @Test
    void simulate_interviews_a_persona_live_and_saves_the_transcript() throws IOException {
        CliRunner r = CliRunner.run("simulate", "--guide", EXAMPLES.resolve("guides/onboarding-en.yaml").toString(), "--persona",
                EXAMPLES.resolve("personas/contradicting-founder.yaml").toString(), "--out", dir.toString());
        assertThat(r.err()).isEmpty();
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("AI › ").contains("P  › ").contains("contradiction").contains("Transcript: ");
        assertThat(Files.readString(dir.resolve("onboarding-2025-contradicting-founder.json"))).contains("40 people");
    }

    @Test
    void a_model_that_cannot_be_reached_is_said_in_a_status_line_and_in_the_summary_not_replaced_silently() {
        // Port 9 on loopback refuses connections: every reply comes from the offline engine, and the terminal says so.
        String down = "openai-compatible:http://127.0.0.1:9/v1#absent";
        CliRunner r = CliRunner.run("simulate", "--guide", EXAMPLES.resolve("guides/onboarding-en.yaml").toString(), "--persona",
                EXAMPLES.resolve("personas/contradicting-founder.yaml").toString(), "--out", dir.toString(), "--model", down);
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).containsOnlyOnce("[status: the model is failing (").contains("replies come from the offline engine")
                .containsPattern("\\d+ replies from the offline engine because " + java.util.regex.Pattern.quote(down) + " failed")
                .doesNotContain("Exception");

        CliRunner live = interview("We set it up on a Monday.\n/exit\n", "--guide", EXAMPLES.resolve("guides/onboarding-en.yaml").toString(),
                "--out", dir.resolve("live").toString(), "--model", down);
        assertThat(live.exitCode()).as(live.err()).isZero();
        assertThat(live.out()).containsOnlyOnce("[status: the model is failing (").doesNotContain("Exception");
    }

    @Test
    void eval_prints_a_table_per_configuration_and_writes_json() throws IOException {
        Path json = dir.resolve("eval.json");
        CliRunner r = CliRunner.run("eval", "--guides", EXAMPLES.resolve("guides/onboarding-en.yaml").toString(), "--personas",
                EXAMPLES.resolve("personas/contradicting-founder.yaml") + "," + EXAMPLES.resolve("personas/busy-manager.yaml"),
                "--ablate", "monitors", "--late", "none", "--seeds", "1,2", "--json", json.toString(), "--sessions");
        assertThat(r.err()).isEmpty();
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("2 persona(s) × 2 configuration(s) × 2 seed(s): 8 sessions").containsPattern("(?m)^full\\s+4\\s")
                .containsPattern("(?m)^no-monitors\\s+4\\s").contains("contradicting-founder").contains("composite by seed");
        assertThat(Files.readString(json)).contains("\"contradictionsPutBack\" : 1.0").contains("\"bySeed\"");
    }

    @Test
    void eval_paired_interviews_each_guide_with_the_personas_of_its_own_folder() throws IOException {
        Path guides = Files.createDirectories(dir.resolve("set/guides"));
        Files.copy(EXAMPLES.resolve("guides/onboarding-en.yaml"), guides.resolve("onboarding.yaml"));
        Files.copy(EXAMPLES.resolve("guides/onboarding-de.yaml"), guides.resolve("einstieg.yaml"));
        Path personas = dir.resolve("set/personas");
        Files.copy(EXAMPLES.resolve("personas/busy-manager.yaml"), Files.createDirectories(personas.resolve("onboarding")).resolve("a.yaml"));
        Files.copy(EXAMPLES.resolve("personas/german-ops-lead.yaml"), Files.createDirectories(personas.resolve("einstieg")).resolve("b.yaml"));
        CliRunner r = CliRunner.run("eval", "--guides", guides.toString(), "--personas", personas.toString(), "--paired", "--late", "none",
                "--seeds", "1", "--sessions");
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).contains("2 guide(s) × 2 persona(s) (each guide with its own) × 1 configuration(s) × 1 seed(s): 2 sessions")
                .containsPattern("(?m)^full\\s+1\\s+a\\s").containsPattern("(?m)^full\\s+1\\s+b\\s");
        Files.createDirectories(guides.getParent().resolve("more"));
        Files.copy(EXAMPLES.resolve("guides/work-and-ai-60.yaml"), guides.resolve("ai.yaml"));
        CliRunner missing = CliRunner.run("eval", "--guides", guides.toString(), "--personas", personas.toString(), "--paired");
        assertThat(missing.exitCode()).isEqualTo(CliErrors.BAD_INPUT);
        assertThat(missing.err()).contains("ai.yaml: --personas: no folder ai of personas for this guide");
    }

    @Test
    void eval_runs_the_monitors_on_a_model_endpoint_and_counts_what_their_judges_answered() {
        // A simulated server cannot judge for real: its scripted judges say "no moment" and answer coverage out of shape.
        var judges = dev.chassis.testkit.server.ScriptedJudges.otherwise(q -> dev.chassis.testkit.server.ScriptedReply.text("Thanks."))
                .judge("emotion", dev.chassis.testkit.server.ScriptedReply.text(
                        "{\"moment\": false, \"valence\": 0, \"intensity\": 0, \"quote\": \"\"}"))
                .judge("coverage", dev.chassis.testkit.server.ScriptedReply.text("It is on topic."));
        try (var server = dev.chassis.testkit.server.SimulatedModelServer.builder().otherwise(judges).start()) {
            CliRunner r = CliRunner.run("eval", "--guides", EXAMPLES.resolve("guides/onboarding-en.yaml").toString(), "--personas",
                    EXAMPLES.resolve("personas/busy-manager.yaml").toString(), "--late", "none", "--seeds", "1",
                    "--monitor-model", server.modelString(), "--monitor-judges", "emotion,coverage", "--monitor-budget", "5s");
            assertThat(r.err()).isEmpty();
            assertThat(r.exitCode()).isZero();
            assertThat(r.out()).containsPattern("monitors' judges \\(openai-compatible:.*\\): .*emotion answered \\d+")
                    .containsPattern("coverage malformed \\d+").doesNotContainPattern("judges.*contradiction");
            assertThat(judges.asked("emotion")).isPositive();
            assertThat(judges.asked("contradiction")).isZero();
        }
        CliRunner offline = CliRunner.run("eval", "--guides", EXAMPLES.resolve("guides").toString(), "--personas",
                EXAMPLES.resolve("personas").toString(), "--monitor-model", "offline");
        assertThat(offline.exitCode()).isEqualTo(CliErrors.BAD_INPUT);
        assertThat(offline.err()).contains("--monitor-model: the offline engine cannot judge an answer");
        CliRunner budget = CliRunner.run("eval", "--guides", EXAMPLES.resolve("guides").toString(), "--personas",
                EXAMPLES.resolve("personas").toString(), "--monitor-model", "openai-compatible:http://127.0.0.1:9/v1#x", "--monitor-budget", "soon");
        assertThat(budget.err()).contains("--monitor-budget: 'soon' is not a time");
    }

    @Test
    void eval_reports_its_question_checker_s_precision_and_recall() {
        CliRunner r = CliRunner.run("eval", "--checker");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("leading P/R").containsPattern("(?m)^ja\\s+held-out").containsPattern("(?m)^ar\\s+development");
    }

    @Test
    void eval_names_what_is_wrong_with_its_input() {
        CliRunner missing = CliRunner.run("eval", "--guides", dir.resolve("nope.yaml").toString(), "--personas", EXAMPLES.resolve("personas").toString());
        assertThat(missing.exitCode()).isEqualTo(CliErrors.BAD_INPUT);
        assertThat(missing.err()).contains("nope.yaml: --guides: no such file or folder");
        CliRunner feature = CliRunner.run("eval", "--guides", EXAMPLES.resolve("guides").toString(), "--personas", EXAMPLES.resolve("personas").toString(),
                "--ablate", "memory");
        assertThat(feature.err()).contains("--ablate: 'memory' is not a feature");
        CliRunner late = CliRunner.run("eval", "--guides", EXAMPLES.resolve("guides").toString(), "--personas", EXAMPLES.resolve("personas").toString(),
                "--late", "sometimes");
        assertThat(late.err()).contains("--late: 'sometimes' is not a latency profile");
    }
}
