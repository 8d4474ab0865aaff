package dev.chassis.research.synthesis;

import dev.chassis.research.synthesis.phrase.Phrase;
import java.util.List;
import java.util.Objects;

/**
 * One sentence a participant said: the unit that synthesis groups into themes.
 *
 * @param session the transcript id
 * @param turn    the turn it comes from
 * @param text    the sentence, verbatim (a substring of the turn's text)
 * @param phrases its key phrases, without those the interviewer's question had put in their mouth
 * @param lemmas  its content words, lemmatised; words echoed from the question are left out
 */
public record Statement(String session, int turn, String text, List<Phrase> phrases, List<String> lemmas) {

    public Statement {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(text, "text");
        phrases = List.copyOf(phrases);
        lemmas = List.copyOf(lemmas);
    }

    public Quote quote() {
        return new Quote(session, turn, text);
    }

    /** The keys of its phrases. */
    public List<String> keys() {
        return phrases.stream().map(Phrase::key).toList();
    }
}
