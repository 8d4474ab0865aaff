package dev.chassis.talk.monitor;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import dev.chassis.talk.signal.Signal;
import dev.chassis.talk.state.SessionState;
import dev.chassis.talk.text.Cues;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;

/**
 * Notices when the person switches language, on the turn's path so the very next reply follows. Scripts
 * settle Japanese, Hindi and Arabic at once; Latin-script languages go to Lingua (low-accuracy mode,
 * limited to the languages with cultural packs, loaded once), sentence by sentence. A switch needs most
 * of the answer's words in the new language (a code-switcher mixing a phrase or a sentence of another
 * language in is not switching) and, between Latin-script languages, more of the new language's
 * function words than the old one's (an English sentence is not Portuguese). Short answers (under four
 * words) never count as a switch.
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
    public boolean onTurnPath() {
        return true;
    }

    @Override
    public List<Signal> observe(TurnView turn, SessionState s) {
        String detected = spoken(turn.text(), s.language());
        if (detected == null || detected.equals(s.language())) {
            return List.of();
        }
        return List.of(new Signal.LanguageSwitched(turn.turn(), name(), s.language(), detected, 1.0));
    }

    private static final java.util.regex.Pattern SENTENCE = java.util.regex.Pattern.compile("[^.!?…。！？؟।\\n]+[.!?…。！？؟।]*");
    private static final Set<String> LATIN = Set.of("en", "de", "fr", "es", "pt");
    /** Share of the answer's recognised words a language needs to count as the one spoken. */
    static final double MAJORITY = 0.6;

    /**
     * The language most of {@code text} is in, or null when unsure or mixed: sentences are recognised one by
     * one and weighed by their words; a Latin-script language other than {@code current} must also use more
     * of its own function words than of {@code current}'s.
     */
    public static String spoken(String text, String current) {
        java.util.Map<String, Integer> words = new java.util.HashMap<>();
        int total = 0;
        java.util.regex.Matcher m = SENTENCE.matcher(text);
        while (m.find()) {
            String sentence = m.group().strip();
            String language = detect(sentence, false);
            int n = sentence.isEmpty() ? 0 : sentence.split("\\s+").length;
            if (language != null) {
                words.merge(language, n, Integer::sum);
                total += n;
            }
        }
        if (total == 0) {
            return detect(text, false);
        }
        String top = null;
        for (var e : words.entrySet()) {
            if (top == null || e.getValue() > words.get(top)) {
                top = e.getKey();
            }
        }
        if (words.get(top) < MAJORITY * total) {
            return null;
        }
        if (!top.equals(current) && LATIN.contains(top) && LATIN.contains(current) && functionWords(text, top) <= functionWords(text, current)) {
            return null;
        }
        return top;
    }

    private static int functionWords(String text, String language) {
        Set<String> function = Cues.of(language).function();
        int n = 0;
        for (String w : Cues.lower(text).split("[^\\p{L}']+")) {
            n += function.contains(w) ? 1 : 0;
        }
        return n;
    }

    /** The language of {@code text} (ISO 639-1), or null when unsure. */
    public static String detect(String text) {
        return detect(text, true);
    }

    /**
     * The language of {@code text}, or null when unsure; on the turn's path ({@code wait} false) a
     * Latin-script text is left undecided while Lingua's models are still loading, seconds after start.
     */
    static String detect(String text, boolean wait) {
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
        if (!wait && detector == null) {
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
