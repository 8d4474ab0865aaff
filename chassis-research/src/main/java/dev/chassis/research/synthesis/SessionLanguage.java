package dev.chassis.research.synthesis;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import dev.chassis.research.transcript.Transcript;
import dev.chassis.research.transcript.Turn;
import java.util.Map;

/**
 * The language a session's participant spoke: the transcript's own, or detected from the first
 * participant answers (transcripts from CSV files carry none). Detection uses Lingua in its
 * low-accuracy mode over the supported languages only, which is quick and small. Thread-safe.
 */
final class SessionLanguage {

    private static final Map<Language, String> CODES = Map.of(Language.ENGLISH, "en", Language.GERMAN, "de",
            Language.FRENCH, "fr", Language.SPANISH, "es", Language.PORTUGUESE, "pt", Language.JAPANESE, "ja",
            Language.HINDI, "hi", Language.ARABIC, "ar");
    private static final int SAMPLE = 600;

    private SessionLanguage() {
    }

    private static final class Holder {
        static final LanguageDetector DETECTOR = LanguageDetectorBuilder.fromLanguages(CODES.keySet().toArray(Language[]::new))
                .withLowAccuracyMode().build();
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
        return CODES.getOrDefault(Holder.DETECTOR.detectLanguageOf(sample.toString()), "en");
    }
}
