package dev.chassis.research.synthesis;

import dev.chassis.research.transcript.Transcript;
import dev.chassis.research.transcript.Turn;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Extracts the participant statements worth grouping: sentences with enough content. Stateless. */
final class Statements {

    /** Fewer content terms than this and a sentence says too little to place in a theme. */
    static final int MIN_TERMS = 3;
    /** Sentences longer than this many words are split by the reader poorly; they are kept but rare. */
    static final int MIN_WORDS = 6;

    private Statements() {
    }

    static List<Statement> of(List<Transcript> transcripts) {
        List<Statement> out = new ArrayList<>();
        for (Transcript t : transcripts) {
            Locale locale = t.language().map(Locale::forLanguageTag).orElse(Locale.ENGLISH);
            for (Turn turn : t.participantTurns()) {
                for (String sentence : Sentences.of(turn.text(), locale)) {
                    List<String> terms = Terms.of(sentence);
                    if (Terms.words(terms).size() >= MIN_TERMS && sentence.split("\\s+").length >= MIN_WORDS) {
                        out.add(new Statement(t.id(), turn.number(), sentence, terms));
                    }
                }
            }
        }
        return out;
    }
}
