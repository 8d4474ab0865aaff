package dev.chassis.research.synthesis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chassis.research.fixture.Fixtures;
import dev.chassis.research.transcript.Mark;
import dev.chassis.research.transcript.Transcript;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SynthesizerTest {

    private final List<Transcript> sessions = Fixtures.exampleTranscripts();

    @Test
    void every_quote_of_every_finding_is_verbatim_in_its_cited_participant_turn() {
        Synthesis s = Synthesizer.builder().build().synthesize(sessions);

        assertThat(s.themes()).isNotEmpty();
        assertThat(s.themes()).allSatisfy(t -> assertThat(t.findings()).allSatisfy(f -> assertThat(f.quotes()).isNotEmpty()));
        QuoteVerifier verifier = QuoteVerifier.of(sessions);
        assertThat(s.quotes()).isNotEmpty().allSatisfy(q -> assertThat(verifier.isExact(q)).as(q.citation()).isTrue());
    }

    @Test
    void shared_concerns_become_named_themes() {
        Synthesis s = Synthesizer.builder().build().synthesize(sessions);

        assertThat(s.themes()).extracting(Theme::name).contains("Sample project", "Permissions screen", "Calendar view");
        assertThat(s.themes()).allSatisfy(t -> assertThat(t.sessions()).isGreaterThanOrEqualTo(2));
        assertThat(s.method()).isEqualTo("key phrases (TF-IDF) + extractive themes (offline)");
    }

    @Test
    void the_same_transcripts_give_the_same_synthesis() {
        assertThat(Synthesizer.builder().build().synthesize(sessions)).isEqualTo(Synthesizer.builder().build().synthesize(sessions));
    }

    @Test
    void opposite_frequencies_of_one_activity_are_a_contradiction_with_both_sentences_quoted() {
        Synthesis s = Synthesizer.builder().build().synthesize(sessions);

        assertThat(s.contradictions()).containsOnlyKeys("s-101");
        Contradiction c = s.contradictions().get("s-101").getFirst();
        assertThat(c.earlier()).isEqualTo(new Quote("s-101", 8, "I use the help center every day, mostly the search box when I forget where a setting lives."));
        assertThat(c.later()).isEqualTo(new Quote("s-101", 12, "Also I have to admit I rarely open the help center these days, I just muddle through."));
    }

    @Test
    void coverage_follows_the_guide_objectives_when_given() {
        List<SynthesisObjective> objectives = List.of(
                new SynthesisObjective("first-week", "The first week", List.of("first week", "first days", "started using the app")),
                new SynthesisObjective("pricing", "Pricing and plans", List.of("price", "plan cost", "subscription")));

        Synthesis s = Synthesizer.builder().objectives(objectives).build().synthesize(sessions);

        assertThat(s.coverage()).extracting(ObjectiveCoverage::objective).containsExactly("first-week", "pricing");
        assertThat(s.coverage().get(0).sessionsCovered()).isGreaterThanOrEqualTo(3);
        assertThat(s.coverage().get(1).mean()).isZero();
    }

    @Test
    void without_a_guide_objectives_are_inferred_from_common_questions_and_noted() {
        Synthesis s = Synthesizer.builder().build().synthesize(sessions);

        assertThat(s.coverage()).isNotEmpty();
        assertThat(s.notes()).anyMatch(n -> n.startsWith("No guide was given"));
    }

    @Test
    void terse_answers_score_lower_engagement_and_live_marks_win_over_word_counts() {
        Synthesis s = Synthesizer.builder().build().synthesize(sessions);
        double terse = s.engagement().stream().filter(e -> e.session().equals("s-104")).findFirst().orElseThrow().mean();
        double talkative = s.engagement().stream().filter(e -> e.session().equals("s-102")).findFirst().orElseThrow().mean();
        assertThat(terse).isLessThan(talkative / 2);

        List<Transcript> marked = new ArrayList<>(sessions);
        marked.set(3, sessions.get(3).withMarks(List.of(Mark.engagement(2, 0.9), Mark.coverage(2, "q1", 1.0))));
        Synthesis live = Synthesizer.builder().build().synthesize(marked);
        assertThat(live.engagement().get(3).points().getFirst().value()).isEqualTo(0.9);
    }
}
