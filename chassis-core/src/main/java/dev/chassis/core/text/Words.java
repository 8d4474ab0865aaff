package dev.chassis.core.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits text into words and streams text into model-like tokens. Thread-safe (stateless).
 */
public final class Words {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’-]*");
    // A leading run of spaces stays with the word that follows, as model tokenizers do.
    private static final Pattern TOKEN = Pattern.compile("\\s*[\\p{L}\\p{N}'’]+|\\s*[^\\s\\p{L}\\p{N}]|\\s+");

    // Several languages share words ("no", "que"), so duplicates are folded by Set.copyOf.
    private static final Set<String> STOPWORDS = Set.copyOf(java.util.List.of(
            // en
            "a", "about", "after", "again", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be", "because", "every",
            "been", "before", "being", "but", "by", "can", "could", "did", "do", "does", "doing", "don't", "for", "from",
            "get", "got", "had", "has", "have", "having", "he", "her", "here", "him", "his", "how", "i", "i'm", "if", "in",
            "into", "is", "it", "it's", "its", "just", "kind", "know", "like", "lot", "me", "more", "most", "my", "no",
            "not", "now", "of", "on", "one", "only", "or", "other", "our", "out", "really", "so", "some", "sort", "than",
            "that", "that's", "the", "their", "them", "then", "there", "these", "they", "thing", "things", "think", "this",
            "those", "to", "too", "um", "uh", "up", "us", "use", "very", "was", "way", "we", "were", "what", "when",
            "where", "which", "while", "who", "why", "will", "with", "would", "yeah", "yes", "you", "your", "much", "many",
            "maybe", "mean", "well", "going", "want", "actually", "pretty", "still", "even", "able", "something", "go",
            "make", "say", "said", "see", "tell", "lot", "bit", "over", "through", "each", "both", "few", "own", "same",
            "such", "should", "let", "let's", "i've", "i'd", "we're", "they're", "you're", "there's", "isn't", "wasn't",
            // de
            "der", "die", "das", "und", "ist", "ich", "nicht", "ein", "eine", "zu", "mit", "auf", "für", "es", "sie",
            "wir", "den", "dem", "im", "auch", "aber", "von", "wie", "war", "sehr", "dass", "so", "was", "man", "mir",
            // fr
            "le", "la", "les", "et", "est", "je", "ne", "pas", "un", "une", "de", "des", "du", "en", "que", "qui", "pour",
            "avec", "sur", "il", "elle", "nous", "vous", "mais", "c'est", "ce", "très",
            // es / pt
            "el", "los", "las", "y", "es", "yo", "no", "uno", "una", "que", "con", "por", "para", "pero", "muy", "lo",
            "o", "os", "as", "e", "é", "eu", "não", "um", "uma", "com", "mas", "muito", "se", "na", "no", "em"));

    private Words() {
    }

    /** The words of {@code text}, lower-cased. */
    public static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            out.add(m.group().toLowerCase(Locale.ROOT));
        }
        return out;
    }

    /** Whether {@code word} (lower-case) is a function word in one of the languages covered. */
    public static boolean isStopword(String word) {
        return STOPWORDS.contains(word);
    }

    /** Splits text into model-like tokens: each word with its leading space, punctuation alone. */
    public static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        int last = 0;
        while (m.find()) {
            if (m.start() > last) {
                out.add(text.substring(last, m.start()));
            }
            out.add(m.group());
            last = m.end();
        }
        if (last < text.length()) {
            out.add(text.substring(last));
        }
        return out;
    }

    /** How many whitespace-separated words {@code text} has; allocates nothing. */
    public static int count(String text) {
        return countUpTo(text, Integer.MAX_VALUE);
    }

    /**
     * {@code text} stripped, if it has at most {@code max} words; else its first {@code max} words
     * joined by single spaces, followed by " …".
     */
    public static String clip(String text, int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max words must be at least 1, was " + max);
        }
        String t = text.strip();
        StringBuilder out = null;
        int words = 0;
        int i = 0;
        int n = t.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(t.charAt(i))) {
                i++;
            }
            if (i == n) {
                break;
            }
            int start = i;
            while (i < n && !Character.isWhitespace(t.charAt(i))) {
                i++;
            }
            words++;
            if (words > max) {
                return out.append(" …").toString();
            }
            if (out == null) {
                out = new StringBuilder(Math.min(n, max * 8) + 2);
            } else {
                out.append(' ');
            }
            out.append(t, start, i);
        }
        return t;
    }

    /** Whether {@code text} has at least {@code n} words (runs of non-space). Stops counting at {@code n}. */
    public static boolean atLeast(String text, int n) {
        return countUpTo(text, n) >= n;
    }

    private static int countUpTo(String text, int limit) {
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length() && words < limit; i++) {
            boolean space = Character.isWhitespace(text.charAt(i));
            if (!space && !inWord) {
                words++;
            }
            inWord = !space;
        }
        return words;
    }
}
