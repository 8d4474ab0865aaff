package dev.chassis.talk.voice;

import java.time.Duration;

/**
 * Decides when the person has finished their turn, from the transcript so far and the silence since
 * they last spoke. The first-token deadline counts from the moment this says yes.
 */
@FunctionalInterface
public interface EndOfTurnDetector {

    boolean isEndOfTurn(String transcriptSoFar, Duration silence);

    /**
     * Ends a turn after a silence, waiting longer when the words so far sound unfinished (a trailing
     * "and", a comma).
     */
    static EndOfTurnDetector silence(Duration pause) {
        return (text, silence) -> {
            String t = text.strip();
            boolean unfinished = t.endsWith(",") || t.endsWith("...") || t.matches("(?is).*\\b(and|but|so|or|because|und|et|y|e)$");
            return silence.compareTo(unfinished ? pause.multipliedBy(2) : pause) >= 0;
        };
    }
}
