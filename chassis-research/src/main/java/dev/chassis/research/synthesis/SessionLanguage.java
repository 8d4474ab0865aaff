package dev.chassis.research.synthesis;

import dev.chassis.research.transcript.Transcript;
import dev.chassis.research.transcript.Turn;
import dev.chassis.talk.text.Detection;

/**
 * The language a session's participant spoke: the transcript's own, or detected from the first
 * participant answers (transcripts from CSV files carry none) among the supported languages, by script
 * and Lingua's low-accuracy mode ({@link Detection}). English when nothing can be told. Thread-safe.
 */
final class SessionLanguage {

    private static final int SAMPLE = 600;

    private SessionLanguage() {
    }

    static String of(Transcript t) {
        if (t.language().isPresent()) {
            return t.language().get();
        }
        StringBuilder sample = new StringBuilder();
        for (Turn turn : t.participantTurns()) {
            if (sample.length() >= SAMPLE) {
                break;
            }
            sample.append(turn.text()).append(' ');
        }
        if (sample.toString().isBlank()) {
            return "en";
        }
        return java.util.Objects.requireNonNullElse(Detection.detect(sample.toString()), "en");
    }
}
