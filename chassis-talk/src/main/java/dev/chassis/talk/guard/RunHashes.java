package dev.chassis.talk.guard;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * The hash codes of a set of word runs, for asking whether a run of a reply's words might be one of them without joining
 * the words into a string: {@link #code} gives exactly {@code String.join(" ", words).hashCode()} from each word's own
 * (cached) hash code and length, and a run whose code is absent is not in the set. A run whose code is present may still
 * not be (two runs can share a code), so the caller confirms with the run itself. A reply's every word was joined into
 * five runs (one of {@value LeakGuard#STAGED_RUN} words, four of 3-6) to be looked up; almost none are there. Immutable.
 */
final class RunHashes {

    private static final int[] POWERS = new int[64];

    static {
        int p = 1;
        for (int i = 0; i < POWERS.length; i++) {
            POWERS[i] = p;
            p *= 31;
        }
    }

    private final int[] sorted;

    private RunHashes(int[] sorted) {
        this.sorted = sorted;
    }

    /** The codes of {@code runs} (each a string's hash code, as {@link String#hashCode} gives it). */
    static RunHashes of(Collection<String> runs) {
        int[] codes = new int[runs.size()];
        int i = 0;
        for (String run : runs) {
            codes[i++] = run.hashCode();
        }
        Arrays.sort(codes);
        return new RunHashes(codes);
    }

    /** Whether a run with this code may be in the set. */
    boolean mayHold(int code) {
        return Arrays.binarySearch(sorted, code) >= 0;
    }

    /** {@code String.join(" ", words.subList(from, to)).hashCode()}, without the string. */
    static int code(List<String> words, int from, int to) {
        int h = 0;
        for (int k = from; k < to; k++) {
            String w = words.get(k);
            if (k > from) {
                h = 31 * h + ' ';
            }
            h = h * power(w.length()) + w.hashCode();
        }
        return h;
    }

    /** {@code String.join(" ", words).hashCode()}, without the string. */
    static int code(Iterable<String> words) {
        int h = 0;
        boolean first = true;
        for (String w : words) {
            if (!first) {
                h = 31 * h + ' ';
            }
            first = false;
            h = h * power(w.length()) + w.hashCode();
        }
        return h;
    }

    private static int power(int n) {
        if (n < POWERS.length) {
            return POWERS[n];
        }
        int p = POWERS[POWERS.length - 1];
        for (int i = POWERS.length - 1; i < n; i++) {
            p *= 31;
        }
        return p;
    }
}
