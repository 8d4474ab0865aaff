package dev.chassis.testkit.participant.reading;

import java.util.List;
import java.util.Locale;

/**
 * Finding words and phrases in text: whole words where the script separates words with spaces, as
 * substrings where it does not (Japanese, Chinese, Thai). A phrase starting with {@code ^} matches
 * only at the start; one starting with {@code ~} is an ending, matched at the end of a word; {@code " … "} inside a
 * phrase lets up to two words stand there ("tut mir … leid" reads "tut mir sehr leid": people intensify inside set phrases).
 */
public final class Phrases {

    private Phrases() {
    }

    /** Lower case, with typographic apostrophes and quotes made plain. */
    public static String lower(String s) {
        return normal(s.toLowerCase(Locale.ROOT));
    }

    /** Typographic apostrophes made plain, spaces collapsed; case kept. */
    public static String normal(String s) {
        return s.replace('’', '\'').replace('‘', '\'').replace('ʼ', '\'').replaceAll("\\s+", " ");
    }

    /** Whether {@code text} holds any of {@code phrases}. */
    public static boolean any(String text, List<String> phrases) {
        return first(text, phrases) >= 0;
    }

    /** The earliest position of any of {@code phrases} in {@code text}, or -1. */
    public static int first(String text, List<String> phrases) {
        int best = -1;
        for (String p : phrases) {
            int i = indexOf(text, p, 0);
            if (i >= 0 && (best < 0 || i < best)) {
                best = i;
            }
        }
        return best;
    }

    /** The position of {@code phrase} in {@code text} from {@code from}, as a whole word or phrase; -1 when absent. */
    public static int indexOf(String text, String phrase, int from) {
        int gap = phrase.indexOf(GAP);
        if (gap > 0) {
            return withGap(text, phrase.substring(0, gap), phrase.substring(gap + GAP.length()), from);
        }
        if (phrase.startsWith("~") && phrase.length() > 1) { // an ending: Korean -세요 ends a word, never starts one
            String p = phrase.substring(1);
            for (int i = text.indexOf(p, from); i >= 0; i = text.indexOf(p, i + 1)) {
                if (boundaryAfter(text, i + p.length())) {
                    return i;
                }
            }
            return -1;
        }
        boolean anchored = phrase.startsWith("^") && phrase.length() > 1;
        String p = anchored ? phrase.substring(1) : phrase;
        if (p.isEmpty()) {
            return -1;
        }
        if (anchored) {
            int start = start(text);
            return from <= start && text.startsWith(p, start) && (unspaced(p) || boundaryAfter(text, start + p.length())) ? start : -1;
        }
        boolean unspaced = unspaced(p);
        for (int i = text.indexOf(p, from); i >= 0; i = text.indexOf(p, i + 1)) {
            if (unspaced || boundaryBefore(text, i) && boundaryAfter(text, i + p.length())) {
                return i;
            }
        }
        return -1;
    }

    private static final String GAP = " … ";

    /** {@code head}, then {@code tail} after at most two more words, both whole; the position of {@code head} or -1. */
    private static int withGap(String text, String head, String tail, int from) {
        for (int i = indexOf(text, head, from); i >= 0; i = indexOf(text, head, i + 1)) {
            int at = i + head.length();
            for (int words = 0; words <= 2 && at <= text.length(); words++) {
                int next = at;
                while (next < text.length() && text.charAt(next) == ' ') {
                    next++;
                }
                if (indexOf(text.substring(next), "^" + tail, 0) == 0) {
                    return i;
                }
                // Skip one word: its letters, then what separates it from the next.
                at = next;
                while (at < text.length() && wordChar(text.charAt(at))) {
                    at++;
                }
                if (at == next) {
                    break;
                }
            }
        }
        return -1;
    }

    /** Where the words of {@code text} begin: after leading punctuation and spaces. */
    static int start(String text) {
        int i = 0;
        while (i < text.length() && !wordChar(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Whether {@code c} belongs to a word: a letter, digit, or a combining mark (Devanagari vowel signs). */
    public static boolean wordChar(char c) {
        if (Character.isLetterOrDigit(c)) {
            return true;
        }
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK || type == Character.ENCLOSING_MARK;
    }

    /** Whether {@code s} is written in a script without spaces between words. */
    public static boolean unspaced(String s) {
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            if (unspaced(Character.UnicodeScript.of(c))) {
                return true;
            }
        }
        return false;
    }

    static boolean unspaced(Character.UnicodeScript script) {
        return switch (script) {
            case HAN, HIRAGANA, KATAKANA, THAI, LAO, KHMER, MYANMAR -> true;
            default -> false;
        };
    }

    private static boolean boundaryBefore(String text, int i) {
        return i == 0 || !wordChar(text.charAt(i - 1)) || !wordChar(text.charAt(i));
    }

    private static boolean boundaryAfter(String text, int end) {
        return end >= text.length() || !wordChar(text.charAt(end)) || !wordChar(text.charAt(end - 1));
    }
}
