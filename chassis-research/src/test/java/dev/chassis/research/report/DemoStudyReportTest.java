package dev.chassis.research.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chassis.models.offline.OfflineModel;
import dev.chassis.research.fixture.Fixtures;
import dev.chassis.research.guide.GuideFile;
import dev.chassis.research.ops.conduct.SessionEvents;
import dev.chassis.research.ops.workflow.RunProgress;
import dev.chassis.research.ops.workflow.RunStore;
import dev.chassis.research.ops.workflow.StudyRun;
import dev.chassis.research.ops.workflow.StudyRuns;
import dev.chassis.research.synthesis.ObjectiveCoverage;
import dev.chassis.talk.stage.Objective;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report of the study that {@code chassis demo} runs, end to end on the offline engine. */
class DemoStudyReportTest {

    @TempDir
    static Path dir;
    static StudyRun.Outcome outcome;
    static List<Objective> objectives;

    @BeforeAll
    static void runTheDemoStudy() throws InterruptedException {
        Path study = Fixtures.repo().resolve("examples/study-onboarding/study.yaml");
        objectives = GuideFile.load(Fixtures.repo().resolve("examples/guides/onboarding-en.yaml")).objectives();
        OfflineModel model = OfflineModel.create();
        StudyRuns.Request request = new StudyRuns.Request("demo-test", study, model.name(), 42, Optional.empty(), Instant.parse("2025-03-01T09:00:00Z"));
        outcome = new StudyRuns(new RunStore(dir), model, StudyRuns.syntheticParticipants(), 2).start(request, RunProgress.NONE, SessionEvents.NONE);
    }

    @Test
    void coverage_is_reported_per_objective_of_the_studys_guide() throws Exception {
        List<ObjectiveCoverage> coverage = outcome.synthesis().coverage();

        assertThat(coverage).extracting(ObjectiveCoverage::objective).containsExactlyElementsOf(objectives.stream().map(Objective::id).toList());
        assertThat(coverage).extracting(ObjectiveCoverage::label).containsExactlyElementsOf(objectives.stream().map(Objective::title).toList());
        // The interviewer asked every objective's questions; its live marks say how fully each was answered.
        assertThat(coverage).allSatisfy(c -> assertThat(c.sessionsCovered()).as(c.objective()).isPositive());
        assertThat(coverage.stream().mapToDouble(ObjectiveCoverage::mean).average().orElse(0)).isGreaterThan(0.6);
        assertThat(outcome.synthesis().notes()).noneMatch(n -> n.startsWith("No guide was given"))
                .anyMatch(n -> n.startsWith("Coverage is measured against the 5 objectives of the guide onboarding-en.yaml"));
        String md = Files.readString(outcome.report().markdown());
        for (Objective o : objectives) {
            assertThat(md).contains("| " + o.title() + " | ");
        }
        assertThat(md).doesNotContain("Moving on:").doesNotContain("No guide was given");
    }

    /**
     * The demo's four people who take part in earnest are not flagged (a person who repeats themselves with "like I
     * said" when asked again is not low effort, nor a fluent typist a fraud), the one who signed up for the incentive is,
     * and what the four said makes themes: the report a user sees first has findings in it.
     */
    @Test
    void only_the_participant_who_came_for_the_incentive_is_flagged_and_the_others_make_themes() throws Exception {
        var flagged = outcome.flags().stream().filter(f -> f.kind().excludes()).map(f -> f.session()).distinct().toList();
        assertThat(flagged).as("flags: %s", outcome.flags()).containsExactly("s-05");   // low-effort.yaml, fifth in the study's list
        assertThat(outcome.synthesis().sessions()).hasSize(4);
        assertThat(outcome.synthesis().themes()).as("themes of the demo report").hasSizeGreaterThanOrEqualTo(3)
                .allSatisfy(t -> assertThat(t.sessionIds()).hasSizeGreaterThanOrEqualTo(2));
    }

    /**
     * The demo's themes as a researcher reads them (rules written here, from what its personas say): a theme is named by a
     * phrase ("Hour" was one word); its summary, if it has one, starts a sentence and says what the name says ("The import
     * from our old tool broke the due dates" summarised "Chat tool"); each quote says what the name says (a quote about "our
     * old tool" illustrated "Chat tool") and answers something ("I'd say it depends on the project and how close the
     * deadline is." illustrated "Client project"); no quote is the summary again. A name's -ing word is said by its verb.
     */
    @Test
    void the_demo_themes_are_named_by_phrases_and_quoted_with_answers_that_say_what_their_names_say() {
        for (var t : outcome.synthesis().themes()) {
            assertThat(t.name().strip().split("\\s+")).as("theme name '%s'", t.name()).hasSizeGreaterThanOrEqualTo(2);
            String summary = words(t.summary());
            if (!summary.isEmpty()) {   // a card may have no summary besides its quote; one it has says what the name says
                assertThat(t.summary()).as("summary of '%s'", t.name()).matches("(?s)^[\\p{Lu}\\d\"“].*");
                assertThat(saysName(summary, t.name())).as("the summary of '%s' says its name: %s", t.name(), t.summary()).isTrue();
            }
            for (var q : t.quotes()) {
                String said = q.text().toLowerCase(java.util.Locale.ROOT);
                // every theme of the demo had one quote that was its summary again, word for word
                if (!summary.isEmpty()) {
                    assertThat(words(q.text())).as("a quote of '%s' beside its summary", t.name()).doesNotContain(summary);
                    assertThat(summary).as("the summary of '%s' beside its quote", t.name()).doesNotContain(words(q.text()));
                }
                assertThat(said).as("a quote of '%s'", t.name()).doesNotContain("it depends").doesNotContain("hard to say");
                for (String word : t.name().toLowerCase(java.util.Locale.ROOT).split("\\s+")) {
                    if (word.length() >= 3) {
                        String stem = verb(word);
                        assertThat(said).as("a quote of '%s' says '%s'", t.name(), word).contains(stem.substring(0, Math.min(4, stem.length())));
                    }
                }
            }
        }
    }

    /** Whether {@code text} (as {@link #words}) has each word of three letters or more of {@code name}, by its first four letters, at a word's start. */
    private static boolean saysName(String text, String name) {
        return java.util.Arrays.stream(name.toLowerCase(java.util.Locale.ROOT).split("\\s+")).filter(w -> w.length() >= 3)
                .allMatch(w -> (" " + text).contains(" " + w.substring(0, Math.min(4, w.length()))));
    }

    /**
     * A name's -ing word as a quote says its verb: "Setting up workspace" is said by "I set up our workspace" (the ending
     * off, and a doubled last letter); any other word as it is.
     */
    private static String verb(String word) {
        if (!word.endsWith("ing") || word.length() < 6) {
            return word;
        }
        String base = word.substring(0, word.length() - 3);
        int n = base.length();
        return base.charAt(n - 1) == base.charAt(n - 2) ? base.substring(0, n - 1) : base;
    }

    /** Lower case, letters and digits: a sentence's words, whatever its punctuation. */
    private static String words(String text) {
        return text.toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    @Test
    void flagged_sessions_are_left_out_of_the_themes_and_the_summary_says_why() throws Exception {
        var flagged = outcome.flags().stream().filter(f -> f.kind().excludes()).map(f -> f.session()).distinct().toList();
        String md = Files.readString(outcome.report().markdown());

        assertThat(outcome.synthesis().excluded().keySet()).containsExactlyElementsOf(flagged);
        assertThat(outcome.synthesis().sessions()).doesNotContainAnyElementsOf(flagged);
        assertThat(outcome.synthesis().themes()).allSatisfy(t -> assertThat(t.sessionIds()).doesNotContainAnyElementsOf(flagged));
        if (!flagged.isEmpty()) {
            assertThat(md).contains("excluded from the synthesis: " + flagged.getFirst());
        }
        assertThat(outcome.report().json()).exists();
        assertThat(outcome.report().themesCsv()).exists();
    }

    @Test
    void contradictions_are_backed_by_the_two_sentences_that_disagree() throws Exception {
        var transcripts = dev.chassis.research.transcript.TranscriptFiles.load(dir.resolve("demo-test").resolve("transcripts"));
        var verifier = dev.chassis.research.synthesis.QuoteVerifier.of(transcripts);
        var all = outcome.synthesis().contradictions().values().stream().flatMap(List::stream).toList();

        // Flagged live in its transcript; the report quotes it unless the session was left out of the synthesis
        // (a participant repeating the same answer is flagged as low effort, and its contradictions go with it).
        assertThat(transcripts).as("the demo's contradicting persona is flagged live")
                .anyMatch(t -> !t.marks(dev.chassis.research.transcript.Mark.CONTRADICTION).isEmpty());
        for (var c : all) {
            assertThat(c.earlier().session()).isEqualTo(c.later().session());
            assertThat(c.earlier().turn()).isLessThan(c.later().turn());
            for (var q : List.of(c.earlier(), c.later())) {
                assertThat(verifier.isExact(q)).as(q.citation()).isTrue();
                assertThat(q.text().split("\\s+")).as(q.text()).hasSizeGreaterThanOrEqualTo(4);
                assertThat(q.text()).doesNotContainIgnoringCase("good question");
            }
            assertThat(c.earlier().text()).isNotEqualTo(c.later().text());
            // What the monitor compared is in the quotes: "said 12 at turn 1, now 40" quotes a 12 and a 40.
            var numbers = java.util.regex.Pattern.compile("\\d+").matcher(c.reason().replaceAll("at turn \\d+", ""));
            List<String> named = new java.util.ArrayList<>();
            while (numbers.find()) {
                named.add(numbers.group());
            }
            if (named.size() == 2) {
                assertThat(c.earlier().text()).contains(named.get(0));
                assertThat(c.later().text()).contains(named.get(1));
            }
        }
    }
}
