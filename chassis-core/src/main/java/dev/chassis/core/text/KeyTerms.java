package dev.chassis.core.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The most telling words of a text, deterministically: content words scored by frequency, with a
 * bonus for names (capitalised inside a sentence) and longer words and a penalty for likely past-tense
 * and adverb forms; ties go to the earlier word. Terms keep the case they first appeared in.
 * Thread-safe (stateless).
 */
public final class KeyTerms {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’-]*");

    private KeyTerms() {
    }

    /** Up to {@code limit} key terms of {@code text}, most telling first. */
    public static List<String> of(String text, int limit) {
        Map<String, Term> terms = new LinkedHashMap<>();
        Matcher m = WORD.matcher(text);
        int position = 0;
        while (m.find()) {
            position++;
            String surface = m.group();
            String word = surface.toLowerCase(Locale.ROOT);
            if (word.length() < 3 || Words.isStopword(word) || allDigits(word)) {
                continue;
            }
            boolean name = Character.isUpperCase(surface.charAt(0)) && !startsSentence(text, m.start());
            Term t = terms.computeIfAbsent(word, k -> new Term(surface));
            t.count++;
            t.name |= name;
            if (t.first == 0) {
                t.first = position;
            }
        }
        List<Term> ranked = new ArrayList<>(terms.values());
        for (Term t : ranked) {
            t.score = t.score(); // once each: the sort compares a term many times, and scoring lower-cases it
        }
        ranked.sort(Comparator.comparingDouble((Term t) -> t.score).reversed().thenComparingInt(t -> t.first));
        return ranked.stream().limit(Math.max(0, limit)).map(t -> t.surface).toList();
    }

    private static boolean allDigits(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (!Character.isDigit(word.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsSentence(String text, int at) {
        for (int i = at - 1; i >= 0; i--) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c)) {
                return c == '.' || c == '!' || c == '?' || c == '"' || c == '\n';
            }
        }
        return true;
    }

    private static final class Term {
        final String surface;
        int count;
        int first;
        boolean name;
        double score;

        Term(String surface) {
            this.surface = surface;
        }

        double score() {
            String w = surface.toLowerCase(Locale.ROOT);
            double s = count * 2.0;
            if (name) {
                s += 1.5;
            }
            if (w.length() >= 6) {
                s += 0.5;
            }
            if (w.endsWith("ed") || w.endsWith("ly")) { // "-ing" words are often nouns (onboarding, training)
                s -= 1.0;
            }
            return s;
        }
    }
}
