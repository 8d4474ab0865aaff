package dev.chassis.research.synthesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.chassis.research.fixture.Fixtures;
import dev.chassis.research.transcript.DialogueText;
import dev.chassis.research.transcript.Transcript;
import dev.chassis.research.transcript.TranscriptFiles;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Themes are about what participants said, the same whatever the order of the sessions, and sized to the study. */
class ThemesTest {

    @Test
    void shuffled_sessions_give_the_same_themes() {
        List<Transcript> sessions = Fixtures.exampleTranscripts();
        Synthesis first = Synthesizer.builder().build().synthesize(sessions);
        for (long seed = 1; seed <= 3; seed++) {
            List<Transcript> shuffled = new ArrayList<>(sessions);
            Collections.shuffle(shuffled, new Random(seed));

            Synthesis again = Synthesizer.builder().build().synthesize(shuffled);

            assertThat(again.themes()).as("seed %d", seed).isEqualTo(first.themes());
        }
    }

    @Test
    void shuffled_real_interviews_give_the_same_themes() {
        var dir = Fixtures.sharedInterviews();
        assumeTrue(dir.isPresent(), "shared/data/interviews not found (system property chassis.shared.dir); skipping the real-data shuffle");
        List<Transcript> sessions = TranscriptFiles.load(dir.get().resolve("scientists_transcripts.csv")).subList(0, 40);
        List<Transcript> shuffled = new ArrayList<>(sessions);
        Collections.shuffle(shuffled, new Random(7));

        List<Theme> a = Synthesizer.builder().build().synthesize(sessions).themes();
        List<Theme> b = Synthesizer.builder().build().synthesize(shuffled).themes();

        assertThat(a).isNotEmpty();
        assertThat(b).isEqualTo(a);
    }

    @Test
    void interviewer_words_greetings_and_filler_are_never_statements() {
        Transcript t = Transcript.of("s-1", DialogueText.parse("""
                AI: Hi! Does that sound good? Do you have any questions before we begin?

                User: Sounds good, no questions. Let's get started!

                AI: Could you walk me through a recent research project you worked on?

                User: That's a good question. A recent research project I worked on was a survey of river sediment samples.

                AI: Where did AI tools come in?

                User: Yeah. I used the AI tools to clean the sediment measurements before the statistical analysis."""));

        List<Statement> statements = Statements.of(List.of(t));

        assertThat(statements).extracting(Statement::text).containsExactly(
                "A recent research project I worked on was a survey of river sediment samples.",
                "I used the AI tools to clean the sediment measurements before the statistical analysis.");
        // The question's words are not the answer's: "research project" and "AI tools" were the interviewer's.
        assertThat(statements.get(0).keys()).doesNotContain("recent research project", "research project");
        assertThat(statements.get(1).keys()).doesNotContain("ai tool").contains("statist analysi");
    }

    @Test
    void a_one_session_study_has_few_themes_each_from_several_turns() {
        Transcript one = Fixtures.exampleTranscripts().getFirst();

        Synthesis s = Synthesizer.builder().build().synthesize(List.of(one));

        assertThat(s.themes()).hasSizeLessThanOrEqualTo(3);
        assertThat(s.themes()).allSatisfy(t -> {
            assertThat(t.statements()).isGreaterThanOrEqualTo(2);
            assertThat(t.quotes()).hasSizeGreaterThanOrEqualTo(1);
        });
    }

    @Test
    void theme_names_are_phrases_never_word_lists() {
        Synthesis s = Synthesizer.builder().build().synthesize(Fixtures.exampleTranscripts());

        assertThat(s.themes()).isNotEmpty().allSatisfy(t -> {
            assertThat(t.name()).doesNotContain(",").doesNotContain(" and ");
            assertThat(t.name().split(" ")).hasSizeBetween(1, 5);
            // no summary only where no statement besides the quoted one says the whole name: the card keeps its quote
            assertThat(t.summary().isBlank() ? t.quotes() : List.of(t.summary())).isNotEmpty();
        });
    }

    @Test
    void the_minimum_support_grows_with_the_study() {
        assertThat(Clustering.minSessions(1)).isEqualTo(1);
        assertThat(Clustering.minSessions(5)).isEqualTo(2);
        assertThat(Clustering.minSessions(125)).isEqualTo(6);
        assertThat(Clustering.minSessions(250)).isEqualTo(13);
    }
}
