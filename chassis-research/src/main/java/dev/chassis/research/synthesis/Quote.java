package dev.chassis.research.synthesis;

import java.util.Objects;

/**
 * Words a participant said, cited by session and turn. A quote in a {@link Synthesis} has passed
 * {@link QuoteVerifier}: its text occurs verbatim in that turn.
 *
 * @param session the transcript id
 * @param turn    the 1-based turn number within the transcript
 * @param text    the words, exactly as in the transcript
 */
public record Quote(String session, int turn, String text) {

    public Quote {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(text, "text");
        if (turn < 1) {
            throw new IllegalArgumentException("quote turn must be 1 or more, was " + turn);
        }
    }

    /** {@code s-003#7}: how reports cite the quote. */
    public String citation() {
        return session + "#" + turn;
    }
}
