package dev.chassis.research.synthesis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chassis.research.transcript.DialogueText;
import dev.chassis.research.transcript.Transcript;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuoteVerifierTest {

    private final Transcript session = Transcript.of("s-1", DialogueText.parse("""
            AI: What happened on day one?

            User: The dashboard was   empty. I didn’t know what a workspace was — honestly.

            AI: And later?

            User: Later my colleague sent a video."""));
    private final QuoteVerifier verifier = QuoteVerifier.of(List.of(session));

    @Test
    void an_exact_quote_is_verified_as_it_is() {
        Quote q = new Quote("s-1", 2, "I didn’t know what a workspace was");

        assertThat(verifier.check(q)).isEqualTo(new QuoteCheck.Verified(q, q));
        assertThat(verifier.isExact(q)).isTrue();
    }

    @Test
    void spacing_typography_and_case_are_forgiven_and_the_transcripts_words_come_back() {
        QuoteCheck check = verifier.check(new Quote("s-1", 2, "the dashboard was empty. i didn't know what a workspace was - honestly"));

        assertThat(check).isInstanceOfSatisfying(QuoteCheck.Verified.class, v -> {
            assertThat(v.exact().text()).isEqualTo("The dashboard was   empty. I didn’t know what a workspace was — honestly");
            assertThat(verifier.isExact(v.exact())).isTrue();
        });
    }

    @Test
    void a_paraphrase_is_rejected_with_what_to_do() {
        assertThat(verifier.check(new Quote("s-1", 2, "I did not understand workspaces")))
                .isEqualTo(new QuoteCheck.Rejected(new Quote("s-1", 2, "I did not understand workspaces"),
                        "not found verbatim in turn 2 of session 's-1'; quote the participant's exact words"));
    }

    @Test
    void a_quote_cited_to_the_wrong_turn_says_where_the_words_are() {
        assertThat(verifier.check(new Quote("s-1", 2, "my colleague sent a video")))
                .extracting(c -> ((QuoteCheck.Rejected) c).reason())
                .isEqualTo("not in turn 2 of session 's-1'; these words are in turn 4");
    }

    @Test
    void interviewer_turns_missing_sessions_and_turns_elisions_and_fragments_are_rejected() {
        assertThat(reason(new Quote("s-1", 1, "What happened on day one?"))).isEqualTo("turn 1 of session 's-1' is the interviewer's; quote the participant");
        assertThat(reason(new Quote("s-9", 2, "The dashboard was empty"))).isEqualTo("session 's-9' does not exist");
        assertThat(reason(new Quote("s-1", 7, "The dashboard was empty"))).isEqualTo("turn 7 does not exist in session 's-1' (it has 4 turns)");
        assertThat(reason(new Quote("s-1", 2, "The dashboard ... workspace was"))).isEqualTo("a quote must be one contiguous passage; remove the elision '...'");
        assertThat(reason(new Quote("s-1", 2, "was empty"))).isEqualTo("a quote needs at least 3 words");
    }

    private String reason(Quote q) {
        return ((QuoteCheck.Rejected) verifier.check(q)).reason();
    }
}
