package dev.chassis.talk.monitor;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import dev.chassis.talk.signal.Signal;
import dev.chassis.talk.state.SessionState;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * Notices when the person switches language. Scripts settle Japanese, Hindi and Arabic at once;
 * Latin-script languages go to Lingua (low-accuracy mode, limited to the languages with cultural
 * packs, loaded once). Short answers (under four words) never count as a switch.
 */
public final class LanguageMonitor implements Monitor {

    private static final Map<Language, String> CODES = Map.of(Language.ENGLISH, "en", Language.GERMAN, "de", Language.FRENCH, "fr",
            Language.SPANISH, "es", Language.PORTUGUESE, "pt", Language.JAPANESE, "ja", Language.HINDI, "hi", Language.ARABIC, "ar");
    private static final double MIN_CONFIDENCE = 0.6;

    // Built on first use: it loads language models (a few MB in low-accuracy mode).
    private static volatile LanguageDetector detector;

    /** Loads the detector's models in the background, so the first turns do not pay for it. */
    public LanguageMonitor() {
        if (detector == null) {
            Thread.ofVirtual().name("lingua-warm-up").start(LanguageMonitor::detector);
        }
    }

    @Override
    public String name() {
        return "language";
    }

    @Override
    public List<Signal> observe(TurnView turn, SessionState s) {
        String detected = detect(turn.text());
        if (detected == null || detected.equals(s.language())) {
            return List.of();
        }
        return List.of(new Signal.LanguageSwitched(turn.turn(), name(), s.language(), detected, 1.0));
    }

    /** The language of {@code text} (ISO 639-1), or null when unsure. */
    public static String detect(String text) {
        String t = text.strip();
        int letters = 0;
        int kana = 0;
        int han = 0;
        int devanagari = 0;
        int arabic = 0;
        for (int i = 0; i < t.length(); ) {
            int c = t.codePointAt(i);
            i += Character.charCount(c);
            if (!Character.isLetter(c)) {
                continue;
            }
            letters++;
            Character.UnicodeScript script = Character.UnicodeScript.of(c);
            switch (script) {
                case HIRAGANA, KATAKANA -> kana++;
                case HAN -> han++;
                case DEVANAGARI -> devanagari++;
                case ARABIC -> arabic++;
                default -> { }
            }
        }
        if (letters == 0) {
            return null;
        }
        if (kana + han > letters / 2) {
            return kana > 0 ? "ja" : null;
        }
        if (devanagari > letters / 2) {
            return "hi";
        }
        if (arabic > letters / 2) {
            return "ar";
        }
        if (t.split("\\s+").length < 4) {
            return null;
        }
        SortedMap<Language, Double> confidence = detector().computeLanguageConfidenceValues(sample(t));
        if (confidence.isEmpty()) {
            return null;
        }
        Language top = confidence.firstKey();
        return confidence.get(top) >= MIN_CONFIDENCE ? CODES.get(top) : null;
    }

    /**
     * The first 40 words or so: plenty to tell five languages apart, and Lingua's cost grows with the
     * text, which matters when every turn of thousands of sessions is checked.
     */
    static String sample(String text) {
        if (text.length() <= 280) {
            return text;
        }
        int cut = text.lastIndexOf(' ', 280);
        return text.substring(0, cut > 0 ? cut : 280);
    }

    private static LanguageDetector detector() {
        LanguageDetector d = detector;
        if (d == null) {
            synchronized (LanguageMonitor.class) {
                d = detector;
                if (d == null) {
                    d = LanguageDetectorBuilder.fromLanguages(Language.ENGLISH, Language.GERMAN, Language.FRENCH, Language.SPANISH,
                            Language.PORTUGUESE).withLowAccuracyMode().build();
                    detector = d;
                }
            }
        }
        return d;
    }
}
