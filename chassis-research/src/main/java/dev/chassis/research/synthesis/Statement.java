package dev.chassis.research.synthesis;

import java.util.List;
import java.util.Objects;

/**
 * One sentence a participant said: the unit that synthesis groups into themes.
 *
 * @param session the transcript id
 * @param turn    the turn it comes from
 * @param text    the sentence, verbatim (a substring of the turn's text)
 * @param terms   its content terms, normalised by {@link Terms}
 */
public record Statement(String session, int turn, String text, List<String> terms) {

    public Statement {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(text, "text");
        terms = List.copyOf(terms);
    }

    public Quote quote() {
        return new Quote(session, turn, text);
    }
}
