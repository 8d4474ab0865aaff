package dev.chassis.research.synthesis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chassis.research.transcript.DialogueText;
import dev.chassis.research.transcript.Transcript;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThemeGateTest {

    private final Transcript session = Transcript.of("s-1", DialogueText.parse(
            "AI: Hi?\n\nUser: The permissions screen had too many toggles for me.\n\nAI: And?\n\nUser: I never found the calendar view."));
    private final Cluster group = new Cluster(0, "Permissions screen", List.of("Permissions screen"), List.of(), List.of("s-1"), 1.0,
            java.util.Optional.empty());
    private final ThemeGate gate = new ThemeGate(QuoteVerifier.of(List.of(session)), List.of(group));

    @Test
    void an_answer_with_verbatim_quotes_passes_with_the_transcripts_words() {
        ThemeGate.Verdict v = gate.check("```json\n{\"themes\": [{\"group\": 0, \"name\": \"Permissions\", \"summary\": \"Too many toggles.\","
                + " \"findings\": [{\"text\": \"The screen overwhelms.\", \"quotes\": [{\"session\": \"s-1\", \"turn\": 2,"
                + " \"text\": \"the permissions screen had too many toggles\"}]}]}]}\n```");

        assertThat(v).isInstanceOfSatisfying(ThemeGate.Verdict.Passed.class, p -> assertThat(p.themes()).singleElement()
                .satisfies(t -> assertThat(t.quotes()).containsExactly(new Quote("s-1", 2, "The permissions screen had too many toggles"))));
    }

    @Test
    void a_hallucinated_quote_fails_the_gate_and_is_left_out_of_the_salvage() {
        ThemeGate.Verdict v = gate.check("{\"themes\": [{\"group\": 0, \"name\": \"Permissions\", \"summary\": \"s\", \"findings\": ["
                + "{\"text\": \"Invented.\", \"quotes\": [{\"session\": \"s-1\", \"turn\": 2, \"text\": \"I hate the permissions screen\"}]},"
                + "{\"text\": \"Real.\", \"quotes\": [{\"session\": \"s-1\", \"turn\": 4, \"text\": \"never found the calendar view\"}]}]}]}");

        assertThat(v).isInstanceOfSatisfying(ThemeGate.Verdict.Failed.class, f -> {
            assertThat(f.problems()).containsExactly(
                    "themes[0].findings[0].quotes[0] (s-1#2 \"I hate the permissions screen\"): not found verbatim in turn 2 of session 's-1'; quote the participant's exact words",
                    "themes[0].findings[0]: needs at least one quote found in the transcripts");
            assertThat(f.rejectedQuotes()).isEqualTo(1);
            assertThat(f.salvage()).singleElement().satisfies(t -> assertThat(t.findings()).extracting(Finding::text).containsExactly("Real."));
        });
    }

    @Test
    void prose_instead_of_json_and_unwritten_groups_are_refused_with_reasons() {
        assertThat(gate.check("Here are the themes: permissions.")).isInstanceOfSatisfying(ThemeGate.Verdict.Failed.class,
                f -> assertThat(f.problems()).singleElement().asString().startsWith("the answer is not the JSON asked for: answer"));
        assertThat(gate.check("{\"themes\": []}")).isInstanceOfSatisfying(ThemeGate.Verdict.Failed.class,
                f -> assertThat(f.problems()).containsExactly("group 0 has no theme; write one for every group"));
        assertThat(gate.check("{\"themes\": [{\"group\": 3, \"name\": \"x\", \"findings\": []}]}")).isInstanceOfSatisfying(ThemeGate.Verdict.Failed.class,
                f -> assertThat(f.problems()).containsExactly("themes[0].group: there is no group 3", "group 0 has no theme; write one for every group"));
    }
}
