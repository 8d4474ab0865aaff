package dev.chassis.research.synthesis.phrase;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a sentence into words and punctuation with their offsets. English contractions are split the
 * way the tagger was trained ({@code don't} as {@code do} + {@code n't}); Japanese, written without
 * spaces, is split where the script changes (kanji and katakana carry the content, hiragana the
 * grammar). Stateless.
 */
final class Tokens {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}\\p{N}]+(?:['’\\-][\\p{L}\\p{M}\\p{N}]+)*|[^\\s\\p{L}\\p{M}\\p{N}]");
    private static final Pattern CLITIC = Pattern.compile("(?i)(.+?)(n['’]t|['’](?:s|re|ve|ll|d|m))");

    private Tokens() {
    }

    /** A raw token: text and offsets. */
    record Raw(String text, int start, int end) {
        boolean word() {
            return Character.isLetterOrDigit(text.codePointAt(0));
        }
    }

    static List<Raw> split(String sentence, String language) {
        List<Raw> out = new ArrayList<>();
        Matcher m = WORD.matcher(sentence);
        while (m.find()) {
            String w = m.group();
            int start = m.start();
            if (language.equals("ja")) {
                scripts(w, start, out);
                continue;
            }
            Matcher c = language.equals("en") ? CLITIC.matcher(w) : null;
            if (c != null && c.matches()) {
                out.add(new Raw(c.group(1), start, start + c.end(1)));
                out.add(new Raw(c.group(2), start + c.start(2), start + w.length()));
            } else {
                out.add(new Raw(w, start, m.end()));
            }
        }
        return out;
    }

    /** Japanese: a run of one script is one token; kanji and katakana together form one (compounds mix them). */
    private static void scripts(String w, int offset, List<Raw> out) {
        int i = 0;
        while (i < w.length()) {
            int kind = kind(w.codePointAt(i));
            int j = i + Character.charCount(w.codePointAt(i));
            while (j < w.length() && kind(w.codePointAt(j)) == kind) {
                j += Character.charCount(w.codePointAt(j));
            }
            out.add(new Raw(w.substring(i, j), offset + i, offset + j));
            i = j;
        }
    }

    /** 0 hiragana, 1 kanji or katakana, 2 anything else. */
    private static int kind(int cp) {
        Character.UnicodeScript s = Character.UnicodeScript.of(cp);
        if (s == Character.UnicodeScript.HIRAGANA) {
            return 0;
        }
        return s == Character.UnicodeScript.HAN || s == Character.UnicodeScript.KATAKANA || cp == 'ー' ? 1 : 2;
    }

    static boolean hiragana(String token) {
        return !token.isEmpty() && kind(token.codePointAt(0)) == 0;
    }
}
