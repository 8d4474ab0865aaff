package dev.chassis.talk.monitor;

import dev.chassis.talk.signal.Claim;
import java.util.List;

/**
 * What a claim is about and whose it is, as {@link Verdict} weighs it: the words two subjects share (also across a switch
 * of language), the product an interview is about, the person's own claims, plain sentences and those told as before a change.
 */
final class Subjects {

    private Subjects() { }

    // What is read off a claim's sentence is read once per claim (ClaimReading): every new claim meets every earlier one.

    /** A sentence short enough that its negation is about what it says (long ones negate a clause of many). */
    static boolean plain(Claim c) {
        return ClaimReading.of(c).plain();
    }

    /** The person's own and about no one else. */
    static boolean own(Claim c) {
        ClaimReading r = ClaimReading.of(c);
        return r.firstPerson() && !r.aboutOthers();
    }

    /** Whether a claim is told as the past before a change ("I used to...", "avant, je..."), in its own language. */
    static boolean toldAsBefore(Claim c) {
        return ClaimReading.of(c).toldAsBefore();
    }

    static List<String> longTerms(List<String> terms) {
        return terms.stream().filter(t -> t.length() >= (unspaced(t) ? LONG_UNSPACED : devanagari(t) ? LONG_DEVANAGARI : LONG_TERM)).toList();
    }

    /** In Devanagari a vowel is a mark on its consonant: "नकद" (cash) is three characters, a word that names a thing. */
    private static final int LONG_DEVANAGARI = 3;

    private static boolean devanagari(String t) {
        return Character.UnicodeScript.of(t.codePointAt(0)) == Character.UnicodeScript.DEVANAGARI;
    }

    private static final int LONG_TERM = 4;
    /** In scripts written without spaces a word of two characters names a thing ("在庫", "メール" of three). */
    private static final int LONG_UNSPACED = 2;

    /** Whether a term is written in a script without spaces between words (Han, kana, Hangul, Thai). */
    private static boolean unspaced(String t) {
        Character.UnicodeScript s = Character.UnicodeScript.of(t.codePointAt(0));
        return s == Character.UnicodeScript.HAN || s == Character.UnicodeScript.HIRAGANA || s == Character.UnicodeScript.KATAKANA
                || s == Character.UnicodeScript.HANGUL || s == Character.UnicodeScript.THAI;
    }

    /** Whether the claim is the person's own ("I open it", "we use it"), in the language it was said in. */
    static boolean firstPerson(Claim c) {
        return ClaimReading.of(c).firstPerson();
    }

    /** Whether two claims were said in one language (else their words cannot meet, and the topic has to do). */
    static boolean sameLanguage(Claim a, Claim b) {
        String la = ClaimReading.of(a).detected();
        String lb = ClaimReading.of(b).detected();
        return la == null || lb == null || la.equals(lb);
    }

    private static final java.util.regex.Pattern IT = java.util.regex.Pattern.compile("(?i)\\b(it|the app|the tool|the product)\\b");

    /** Whether a claim is about "it" or the product: in an interview about one product, the same thing in different words. */
    static boolean aboutIt(Claim c) {
        return IT.matcher(c.quote()).find() || aboutProduct(c);
    }

    /** Whether a claim names the product by a word for it ("the app", "le logiciel", "アプリ"), not by "it" alone. */
    static boolean aboutProduct(Claim c) {
        return ClaimReading.of(c).product();
    }

    static boolean sameSubject(Claim a, Claim b, double threshold) {
        int common = commonTerms(a.subject(), b.subject());
        int smaller = Math.min(a.subject().size(), b.subject().size());
        return common > 0 && (common >= 2 || smaller <= 2) && common / (double) smaller >= threshold;
    }

    /** Distinct terms of {@code a} also in {@code b}. Subjects are a few words, and every new claim meets every earlier one: no sets. */
    static int commonTerms(List<String> a, List<String> b) {
        int common = 0;
        for (int i = 0; i < a.size(); i++) {
            String term = a.get(i);
            if (b.contains(term) && !before(a, i, term)) {
                common++;
            }
        }
        return common;
    }

    /** Whether {@code term} is among the first {@code i} of {@code terms}: {@code indexOf(term) < i} without reading past i. */
    private static boolean before(List<String> terms, int i, String term) {
        for (int j = 0; j < i; j++) {
            if (terms.get(j).equals(term)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Terms of {@code a} that begin like one of {@code b} once accents and doubled letters are set aside ("app" and "aplic", "calendar" and
     * "calendrier"): what two languages written in one script share of one subject.
     */
    static int cognates(List<String> a, List<String> b) {
        int n = 0;
        List<String> folded = b.stream().map(Subjects::fold).toList();   // once, not once per term of a
        for (String x : a) {
            String fx = fold(x);
            for (String fy : folded) {
                int len = Math.min(4, Math.min(fx.length(), fy.length()));
                if (len >= 2 && fx.regionMatches(0, fy, 0, len)) {
                    n++;
                    break;
                }
            }
        }
        return n;
    }

    private static String fold(String term) {
        // Accents and doubled letters set aside: "app" and "aplic" (a stemmer's "application") begin alike.
        return DOUBLED.matcher(MARKS.matcher(java.text.Normalizer.normalize(term, java.text.Normalizer.Form.NFD)).replaceAll("")).replaceAll("$1");
    }

    private static final java.util.regex.Pattern MARKS = java.util.regex.Pattern.compile("\\p{M}+");
    private static final java.util.regex.Pattern DOUBLED = java.util.regex.Pattern.compile("(.)\\1+");
}
