package dev.chassis.testkit.participant.reading;

import java.util.List;
import java.util.function.Function;

/**
 * The tone of what an interviewer says, quoted words set aside: warm, empathic, praising, asking for
 * specifics, setting two statements side by side, and the form of address. Read in the given
 * language; a language without tone words reads as neutral. Stateless and thread-safe.
 */
public final class Tone {

    /** How the listener is addressed. */
    public enum Address { FORMAL, INFORMAL, NONE }

    private Tone() {
    }

    /** A friendly acknowledgement (thanks, I see) or an empathic one. */
    public static boolean warm(String text, String language) {
        return has(text, language, LanguageData.ToneWords::warm) || empathic(text, language);
    }

    /** Acknowledges something hard (I'm sorry, that sounds hard, take your time). */
    public static boolean empathic(String text, String language) {
        return has(text, language, LanguageData.ToneWords::empathy);
    }

    /**
     * Acknowledges with empathy before asking anything: the empathic words come before the first
     * sentence that asks (or nothing is asked).
     */
    public static boolean empathyFirst(String text, String language) {
        String plain = Phrases.lower(Sentences.withoutQuotes(text));
        int empathy = Languages.of(language).flatMap(LanguageData::tone).map(t -> Phrases.first(plain, t.empathy())).orElse(-1);
        if (empathy < 0) {
            return false;
        }
        List<String> asking = QuestionChecker.check(text, language).asking();
        if (asking.isEmpty()) {
            return true;
        }
        String first = Phrases.lower(asking.getFirst());
        int question = plain.indexOf(first);
        // "I'm sorry to hear that, what happened then?" acknowledges first, inside the sentence that asks.
        return question < 0 || empathy < question + first.length() / 2;
    }

    /** Calls what was said useful, great or interesting. */
    public static boolean praises(String text, String language) {
        return has(text, language, LanguageData.ToneWords::praise);
    }

    /** Asks for a concrete instance (the last time, for example, walk me through). */
    public static boolean specific(String text, String language) {
        // "Können Sie das genauer beschreiben?", "Расскажите подробнее": asked in any form of the word.
        return has(text, language, LanguageData.ToneWords::specific) || Inflected.inflects(language)
                && Languages.of(language).flatMap(LanguageData::tone)
                        .map(t -> Inflected.any(Phrases.lower(Sentences.withoutQuotes(text)), t.specific())).orElse(false);
    }

    /** Sets two statements side by side (earlier you said, which is closer). */
    public static boolean contrasts(String text, String language) {
        return has(text, language, LanguageData.ToneWords::contrast);
    }

    /** Asks how two statements go together (how do those fit, which is closer), beyond naming one as said earlier. */
    public static boolean reconciles(String text, String language) {
        return has(text, language, LanguageData.ToneWords::reconcile);
    }

    /** The form of address, by which markers are present; NONE when neither or both. */
    public static Address address(String text, String language) {
        return Languages.of(language).flatMap(LanguageData::register).map(r -> {
            String t = r.caseSensitive() ? Phrases.normal(Sentences.withoutQuotes(text)) : Phrases.lower(Sentences.withoutQuotes(text));
            boolean formal = Phrases.any(r.caseSensitive() ? midSentence(t) : t, r.formal());
            boolean informal = Phrases.any(t, r.informal());
            return formal == informal ? Address.NONE : formal ? Address.FORMAL : Address.INFORMAL;
        }).orElse(Address.NONE);
    }

    /** Sentence starts blanked out: there a capital tells nothing (German "Sie" = she or you). */
    private static String midSentence(String t) {
        StringBuilder out = new StringBuilder();
        for (String s : Sentences.split(t)) {
            int first = s.indexOf(' ');
            out.append(first < 0 ? "" : s.substring(first)).append(' ');
        }
        return out.toString();
    }

    private static boolean has(String text, String language, Function<LanguageData.ToneWords, List<String>> words) {
        String plain = Phrases.lower(Sentences.withoutQuotes(text));
        return Languages.of(language).flatMap(LanguageData::tone).map(t -> Phrases.any(plain, words.apply(t))).orElse(false);
    }
}
