package dev.chassis.talk.monitor;

import dev.chassis.talk.language.Languages;
import dev.chassis.talk.signal.Signal;
import dev.chassis.talk.state.SessionState;
import dev.chassis.talk.text.Cues;
import dev.chassis.talk.text.Detection;
import dev.chassis.talk.text.Runs;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Notices when the person switches language: a cheap check on the turn's path ({@link #glance}: script and function
 * words) so the very next reply follows a clear switch, the full reading beside it ({@link #observe}). Detection
 * ({@link Detection}) settles most languages by script and asks Lingua, limited to the study's languages,
 * only where a script is shared, sentence by sentence. A switch needs most of the answer's words in the new
 * language (a code-switcher mixing a phrase or a sentence of another language in is not switching) and,
 * between languages of one script, more of the new language's function words than the old one's (an English
 * sentence is not Portuguese), unless letters only the new one writes prove it (Ukrainian's і, ї, є against Russian, whose
 * function words are largely the same). A short acknowledgement ("Oui, tout à fait.") is no switch either. Short answers
 * (under four words; in unspaced scripts, under twelve characters) never count as a switch, whatever their script.
 */
public final class LanguageMonitor implements Monitor {

    @Override
    public String name() {
        return "language";
    }

    /**
     * On the turn's path, the cheap check: script and function words only ({@link Detection#quick}), so the very next
     * reply follows a clear switch. Lingua's sentence-by-sentence reading is {@link #observe}, beside the turn.
     */
    @Override
    public List<Signal> glance(TurnView turn, SessionState s) {
        Collection<String> study = s.staged() == null ? Languages.CODES : s.staged().briefing().languages();
        String quick = quickly(turn.text(), s.language(), study);
        if (quick == null || quick.equals(s.language())) {
            return List.of();
        }
        return List.of(new Signal.LanguageSwitched(turn.turn(), name(), s.language(), quick, 0.8));
    }

    /** Beside the turn, the full reading; a switch the glance already made is the snapshot's language, and not raised again. */
    @Override
    public List<Signal> observe(TurnView turn, SessionState s) {
        Collection<String> study = s.staged() == null ? Languages.CODES : s.staged().briefing().languages();
        Detection.warmUp(study);
        String detected = spoken(turn.text(), s.language(), study);
        if (detected == null || detected.equals(s.language())) {
            return List.of();
        }
        return List.of(new Signal.LanguageSwitched(turn.turn(), name(), s.language(), detected, 1.0));
    }

    /**
     * The language {@code text} is clearly in by its script and function words alone, or null: short answers never,
     * and within the current language's script the new one needs twice as many of its function words (a code-switcher's
     * phrase is no switch).
     */
    static String quickly(String text, String current, Collection<String> candidates) {
        if (isShort(text)) {
            return null;
        }
        String top = Detection.quick(text, candidates);
        if (top == null || top.equals(current)) {
            return top;
        }
        if (acknowledgement(text, top) || share(weigh(text, candidates, true), top) < MAJORITY) {
            return null; // a code-switcher's sentence of another language in an answer mostly in theirs is no switch
        }
        if (Languages.supported(current) && Languages.of(top).script() == Languages.of(current).script() && hasCues(current)
                && !top.equals(Detection.byLetters(text))
                && (!hasCues(top) || functionWords(text, top) < 2 * Math.max(1, functionWords(text, current)))) {
            return null;
        }
        return top;
    }

    /** Share of the answer's recognised words a language needs to count as the one spoken. */
    static final double MAJORITY = 0.6;

    /** {@link #spoken(String, String, Collection)} among every supported language. */
    public static String spoken(String text, String current) {
        return spoken(text, current, Languages.CODES);
    }

    /**
     * The language most of {@code text} is in, among {@code candidates} (and the languages scripts settle), or
     * null when unsure, mixed or short: sentences are recognised one by one and weighed by their words; a
     * language of the same script as {@code current} must also use more of its own function words than of
     * {@code current}'s.
     */
    public static String spoken(String text, String current, Collection<String> candidates) {
        if (isShort(text)) {
            return null;
        }
        java.util.Map<String, Integer> words = weigh(text, candidates, false);
        String top = null;
        for (var e : words.entrySet()) {
            if (!e.getKey().equals(UNDECIDED) && (top == null || e.getValue() > words.get(top))) {
                top = e.getKey();
            }
        }
        if (top == null) {
            // Nothing decided sentence by sentence: one sentence is read whole; several undecided ones may mix languages.
            return words.getOrDefault(SENTENCES, 0) == 1 ? Detection.detect(text, candidates, false) : null;
        }
        if (share(words, top) < MAJORITY || !top.equals(current) && acknowledgement(text, top)) {
            return null;
        }
        if (!top.equals(current) && Languages.supported(current) && Languages.of(top).script() == Languages.of(current).script()
                && hasCues(top) && hasCues(current) && !top.equals(Detection.byLetters(text))
                && functionWords(text, top) <= functionWords(text, current)) {
            return null;
        }
        return top;
    }

    private static final String UNDECIDED = "";
    private static final String SENTENCES = "#";
    private static final java.util.regex.Pattern NOT_MARKED_WORD = java.util.regex.Pattern.compile("[^\\p{L}\\p{M}']+");
    private static final java.util.regex.Pattern NOT_LETTER_WORD = java.util.regex.Pattern.compile("[^\\p{L}']+");

    /**
     * The words of {@code text} by the language of their sentence, read one by one (on the turn's path by script and
     * function words first, {@code quick}); the words of sentences left undecided under {@link #UNDECIDED}, which count
     * against every language: a German sentence in a Turkish answer whose Turkish sentence is undecided is not most of it.
     */
    private static java.util.Map<String, Integer> weigh(String text, Collection<String> candidates, boolean quick) {
        java.util.Map<String, Integer> words = new java.util.HashMap<>();
        for (String found : Runs.sentences(text, Runs.ENDS_WITH_ELLIPSIS, true)) {
            String sentence = found.strip();
            if (sentence.isEmpty()) {
                continue;
            }
            String language = quick ? Detection.quick(sentence, candidates) : null;
            language = language != null ? language : Detection.detect(sentence, candidates, false);
            words.merge(language == null ? UNDECIDED : language, Cues.of(language == null ? "en" : language).words(sentence), Integer::sum);
            words.merge(SENTENCES, 1, Integer::sum);
        }
        return words;
    }

    /** The share of the weighed words in {@code language}, of all words read (undecided ones included). */
    private static double share(java.util.Map<String, Integer> words, String language) {
        int total = 0;
        for (var e : words.entrySet()) {
            total += e.getKey().equals(SENTENCES) ? 0 : e.getValue();
        }
        return total == 0 ? 1 : words.getOrDefault(language, 0) / (double) total;
    }

    /** Under four words, or under twelve characters in a script written without spaces. */
    private static boolean isShort(String text) {
        String t = text.strip();
        if (Cues.spacedWords(t) >= Detection.MIN_WORDS) {
            return false;
        }
        long unspaced = t.codePoints().filter(c -> Character.isLetter(c) && switch (Character.UnicodeScript.of(c)) {
            case HAN, HIRAGANA, KATAKANA, THAI -> true;
            default -> false;
        }).count();
        return unspaced < 12;
    }

    /**
     * A short acknowledgement in {@code language} ("Oui, tout à fait.", "Got it, thank you.", "Ja, genau."): under seven
     * words, each one of the language's acknowledgement or function words. It says nothing new, so it is no switch.
     */
    static boolean acknowledgement(String text, String language) {
        Cues c = Cues.of(language);
        List<String> words = java.util.Arrays.stream(NOT_MARKED_WORD.split(Cues.lower(text))).filter(w -> !w.isEmpty()).toList();
        return !words.isEmpty() && words.size() < 7 && !c.unspaced()
                && words.stream().allMatch(w -> c.acknowledgement().contains(w) || c.function().contains(w));
    }

    private static boolean hasCues(String language) {
        return Cues.of(language).language().equals(language);
    }

    private static int functionWords(String text, String language) {
        Set<String> function = Cues.of(language).function();
        int n = 0;
        for (String w : NOT_LETTER_WORD.split(Cues.lower(text))) {
            n += function.contains(w) ? 1 : 0;
        }
        return n;
    }

    /** The language of {@code text} (ISO 639-1) among every supported language, or null when unsure. */
    public static String detect(String text) {
        return Detection.detect(text);
    }

    /**
     * The language of {@code text}, or null when unsure; on the turn's path ({@code wait} false) a text that
     * needs Lingua is left undecided while its models are still loading, seconds after start.
     */
    static String detect(String text, boolean wait) {
        return Detection.detect(text, Languages.CODES, wait);
    }
}
