package dev.chassis.talk.text;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * Sentences and words cut out of a text by one pass over its characters, giving exactly what the regular expressions that did
 * it on every turn gave ({@code [^.!?。\n]+[.!?。]*} found one after the other, {@code split("[^\\p{L}\\p{M}']+")}): the
 * monitors and the glances cut the same answer into sentences and words several times a turn, and the regular expressions'
 * character classes, tested one class after another for every character, were a tenth of the process's CPU at 2,000
 * sessions. {@code RunsTest} holds them to the regular expressions on every participant turn of the shared interviews and on
 * random text. Stateless.
 */
public final class Runs {

    /** What ends a sentence: {@code . ! ? 。 ！ ？ ؟ ।}. */
    public static final String ENDS = ".!?。！？؟।";
    /** {@link #ENDS} and the ellipsis {@code …}. */
    public static final String ENDS_WITH_ELLIPSIS = ".!?…。！？؟।";

    private Runs() {
    }

    /**
     * The sentences of {@code text} as {@code Pattern.compile("[^" + ends + "\\n]+[" + ends + "]" + (all ? "*" : "?"))} finds
     * them one after the other: a run of characters that are neither an end nor a line break, then the ends that follow it
     * (all of them, or one). Unstripped, as the matcher's groups were.
     */
    public static List<String> sentences(String text, String ends, boolean all) {
        List<String> out = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\n' || ends.indexOf(c) >= 0) {
                i++;
                continue;
            }
            int start = i;
            while (i < n && (c = text.charAt(i)) != '\n' && ends.indexOf(c) < 0) {
                i++;
            }
            if (all) {
                while (i < n && ends.indexOf(text.charAt(i)) >= 0) {
                    i++;
                }
            } else if (i < n && ends.indexOf(text.charAt(i)) >= 0) {
                i++;
            }
            out.add(text.substring(start, i));
        }
        return out;
    }

    /**
     * {@code text} split around its runs of code points that {@code kept} refuses, exactly as {@code String.split} with the
     * regular expression {@code [^kept]+} splits it: an empty first piece when the text opens on such a run, no empty pieces at
     * the end, and the text itself when there is no such run.
     */
    public static String[] split(String text, IntPredicate kept) {
        List<String> out = null;
        int n = text.length();
        int from = 0;
        int i = 0;
        while (i < n) {
            int cp = text.codePointAt(i);
            if (kept.test(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            int runStart = i;
            i += Character.charCount(cp);
            while (i < n && !kept.test(cp = text.codePointAt(i))) {
                i += Character.charCount(cp);
            }
            if (out == null) {
                out = new ArrayList<>();
            }
            out.add(text.substring(from, runStart));
            from = i;
        }
        if (out == null) {
            return new String[] {text};
        }
        out.add(text.substring(from));
        int size = out.size();
        while (size > 0 && out.get(size - 1).isEmpty()) {
            size--;
        }
        return out.subList(0, size).toArray(new String[0]);
    }

    /** Whether {@code cp} is a letter ({@code \p{L}}). */
    public static boolean letter(int cp) {
        return switch (Character.getType(cp)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER, Character.MODIFIER_LETTER,
                 Character.OTHER_LETTER -> true;
            default -> false;
        };
    }

    /** Whether {@code cp} is a mark ({@code \p{M}}). */
    public static boolean mark(int cp) {
        return switch (Character.getType(cp)) {
            case Character.NON_SPACING_MARK, Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK -> true;
            default -> false;
        };
    }

    /** Whether {@code cp} is a number ({@code \p{N}}). */
    public static boolean number(int cp) {
        return switch (Character.getType(cp)) {
            case Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER -> true;
            default -> false;
        };
    }
}
