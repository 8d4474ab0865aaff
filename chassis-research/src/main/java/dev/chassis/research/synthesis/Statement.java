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
 * @param words   its content words (key: the lemma, surface: as written); words echoed from the question are left out
 */
public record Statement(String session, int turn, String text, List<Phrase> phrases, List<Phrase> words) {

    public Statement {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(text, "text");
        phrases = List.copyOf(phrases);
        words = List.copyOf(words);
    }

    /** The lemmas of its content words, repeats kept. */
    public List<String> lemmas() {
        return words.stream().map(Phrase::key).toList();
    }

    public Quote quote() {
        return new Quote(session, turn, text);
    }

    /** The keys of its phrases. */
    public List<String> keys() {
        return phrases.stream().map(Phrase::key).toList();
    }
}
