package dev.chassis.research.synthesis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chassis.research.transcript.DialogueText;
import dev.chassis.research.transcript.Mark;
import dev.chassis.research.transcript.Transcript;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContradictionFinderTest {

    private static Transcript session(String dialogue) {
        return Transcript.of("s", DialogueText.parse(dialogue));
    }

    private static final String TEAM = """
            AI: Tell me about your team.

            User: That's a good question. We have 12 people on the team right now.

            AI: When did it click?

            User: Like I said, the Monday meeting. With 40 people on the team it gets hard to keep everyone aligned.""";

    @Test
    void opposite_frequencies_of_the_same_activity_are_quoted_from_both_turns() {
        Transcript t = session("""
                AI: How often?

                User: I use the help center every day, mostly the search box when I forget where a setting lives.

                AI: Anything else?

                User: Also I have to admit I rarely use the help center these days, I just muddle through.""");

        Map<String, List<Contradiction>> found = ContradictionFinder.find(List.of(t));

        assertThat(found.get("s")).singleElement().satisfies(c -> {
            assertThat(c.earlier()).isEqualTo(new Quote("s", 2, "I use the help center every day, mostly the search box when I forget where a setting lives."));
            assertThat(c.later()).isEqualTo(new Quote("s", 4, "Also I have to admit I rarely use the help center these days, I just muddle through."));
            assertThat(c.reason()).isEqualTo("‘help’ often earlier, rarely later");
            assertThat(c.source()).isEqualTo("synthesis");
        });
    }

    @Test
    void the_same_thing_counted_differently_is_quoted_with_both_numbers_and_filler_is_never_evidence() {
        Contradiction c = ContradictionFinder.find(List.of(session(TEAM))).get("s").getFirst();

        assertThat(c.earlier().text()).isEqualTo("We have 12 people on the team right now.");
        assertThat(c.later().text()).isEqualTo("With 40 people on the team it gets hard to keep everyone aligned.");
        assertThat(c.reason()).startsWith("counted 12 ").contains(", 40 ");
    }

    @Test
    void a_change_told_as_a_change_or_a_hedge_is_not_a_contradiction() {
        assertThat(ContradictionFinder.find(List.of(session("""
                AI: How do you draft?

                User: I write every draft myself, every day, before anyone sees it.

                AI: And now?

                User: I used to write every draft myself, but I rarely write drafts now.

                AI: Would you?

                User: If it were faster I would not write the drafts at all.""")))).isEmpty();
    }

    @Test
    void a_live_mark_is_quoted_with_the_claims_the_monitor_compared() {
        Transcript t = session(TEAM).withMarks(List.of(Mark.contradiction(4, 2, "said 12 at turn 1, now 40",
                "We have 12 people on the team right now.", "With 40 people on the team it gets hard to keep everyone aligned.")));

        Contradiction c = ContradictionFinder.find(List.of(t)).get("s").getFirst();

        assertThat(c.source()).isEqualTo("live");
        assertThat(c.earlier()).isEqualTo(new Quote("s", 2, "We have 12 people on the team right now."));
        assertThat(c.later()).isEqualTo(new Quote("s", 4, "With 40 people on the team it gets hard to keep everyone aligned."));
    }

    @Test
    void a_live_mark_without_claims_is_quoted_with_the_sentences_its_detail_names_or_left_out() {
        Transcript named = session(TEAM).withMarks(List.of(Mark.contradiction(4, 2, "said 12 at turn 1, now 40")));
        Contradiction c = ContradictionFinder.find(List.of(named)).get("s").getFirst();
        assertThat(c.earlier().text()).isEqualTo("We have 12 people on the team right now.");
        assertThat(c.later().text()).isEqualTo("With 40 people on the team it gets hard to keep everyone aligned.");

        Transcript unnamed = session(TEAM).withMarks(List.of(Mark.contradiction(4, 2, "said 'always', now 'rarely'")));
        assertThat(ContradictionFinder.find(List.of(unnamed))).isEmpty();
    }
}
