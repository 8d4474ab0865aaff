package dev.chassis.research.synthesis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chassis.research.transcript.DialogueText;
import dev.chassis.research.transcript.Transcript;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ContradictionFinderTest {

    @Test
    void a_negated_repeat_of_an_earlier_statement_is_a_contradiction() {
        Transcript t = Transcript.of("s", DialogueText.parse("""
                AI: How often?

                User: I use the help center every day, mostly the search box when I forget where a setting lives.

                AI: Anything else?

                User: Also I have to admit I rarely open the help center these days, I just muddle through."""));

        Map<String, List<Contradiction>> found = ContradictionFinder.find(List.of(t));

        assertThat(found.get("s")).singleElement().satisfies(c -> {
            assertThat(c.earlier().turn()).isEqualTo(2);
            assertThat(c.later().turn()).isEqualTo(4);
            assertThat(c.reason()).isEqualTo("both about center, day, help; the later statement is negated");
            assertThat(c.source()).isEqualTo("synthesis");
        });
    }

    @Test
    void a_negation_that_governs_no_shared_term_is_not_a_contradiction() {
        assertThat(ContradictionFinder.polarity("I draft reports with the assistant every week.",
                "Not really, but I draft reports with the assistant every week.", Set.of("draft", "report", "assistant")))
                .isEmpty();
        assertThat(ContradictionFinder.polarity("I love planning the week on Monday.", "I hate planning the week.", Set.of("planning", "week")))
                .isEqualTo("opposite words ‘love’ and ‘hate’");
    }
}
