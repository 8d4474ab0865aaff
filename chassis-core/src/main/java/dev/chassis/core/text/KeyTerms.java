package dev.chassis.core.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The most telling words of a text: content words ranked by frequency, ties broken by first
 * appearance, so the result is deterministic. Thread-safe (stateless).
 */
public final class KeyTerms {

    private KeyTerms() {
    }

    /** Up to {@code limit} key terms of {@code text}, most telling first. */
    public static List<String> of(String text, int limit) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        int position = 0;
        for (String w : Words.words(text)) {
            position++;
            if (w.length() < 3 || Words.isStopword(w) || w.chars().allMatch(Character::isDigit)) {
                continue;
            }
            int p = position;
            counts.computeIfAbsent(w, k -> new int[] {0, p})[0]++;
        }
        List<Map.Entry<String, int[]>> entries = new ArrayList<>(counts.entrySet());
        entries.sort(Comparator.<Map.Entry<String, int[]>>comparingInt(e -> -e.getValue()[0])
                .thenComparingInt(e -> -e.getKey().length() / 4)
                .thenComparingInt(e -> e.getValue()[1]));
        return entries.stream().limit(Math.max(0, limit)).map(Map.Entry::getKey).toList();
    }
}
