package dev.chassis.research.synthesis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Words that are common but say nothing in common: the statements that use "time" ("most of the time",
 * "saves time", "at the same time") share little else, while those that use "code" also share
 * debugging, Python and testing. A word's coherence is the mean pairwise similarity of its statements
 * once every feature with that word is taken out; a word far less coherent than the study's typical
 * word weighs less, so it cannot by itself pull statements into a theme. Measured on the study itself,
 * so it holds in every language and needs no word list. Stateless.
 */
final class GenericWords {

    /** Statements a word needs before its coherence is measured; rarer words keep their weight. */
    static final int MIN_STATEMENTS = 8;
    /** Common words a study needs before "typical" means anything (a small study keeps every weight). */
    static final int MIN_WORDS = 20;
    /** The least weight a generic word keeps, as a share of its own. */
    static final double FLOOR = 0.2;

    private GenericWords() {
    }

    static void reweigh(List<Map<Integer, Double>> vectors, List<String> names) {
        Map<String, List<Integer>> featuresOf = new HashMap<>();
        for (int f = 0; f < names.size(); f++) {
            for (String w : names.get(f).substring(2).split(" ")) {
                featuresOf.computeIfAbsent(w, x -> new ArrayList<>()).add(f);
            }
        }
        Map<Integer, List<Integer>> users = new HashMap<>();
        for (int i = 0; i < vectors.size(); i++) {
            for (int f : vectors.get(i).keySet()) {
                if (names.get(f).startsWith("w ")) {
                    users.computeIfAbsent(f, x -> new ArrayList<>()).add(i);
                }
            }
        }
        Map<Integer, Double> coherence = new HashMap<>();
        users.forEach((f, members) -> {
            if (members.size() >= MIN_STATEMENTS) {
                Set<Integer> excluded = new HashSet<>();
                for (String w : names.get(f).substring(2).split(" ")) {
                    excluded.addAll(featuresOf.get(w));
                }
                coherence.put(f, beyond(vectors, members, excluded));
            }
        });
        double[] sorted = coherence.values().stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (sorted.length < MIN_WORDS) {
            return;   // too few common words to say what is typical
        }
        double typical = sorted[sorted.length / 2];
        Map<Integer, Double> factor = new HashMap<>();
        coherence.forEach((f, c) -> {
            double ratio = Math.min(1, c / typical);
            factor.put(f, Math.max(FLOOR, ratio * ratio));
        });
        for (Map<Integer, Double> v : vectors) {
            v.replaceAll((f, w) -> w * factor.getOrDefault(f, 1.0));
        }
    }

    private static double beyond(List<Map<Integer, Double>> vectors, List<Integer> members, Set<Integer> excluded) {
        Map<Integer, Double> sum = new HashMap<>();
        int nonZero = 0;
        for (int m : members) {
            double norm = 0;
            for (Map.Entry<Integer, Double> e : vectors.get(m).entrySet()) {
                if (!excluded.contains(e.getKey())) {
                    norm += e.getValue() * e.getValue();
                }
            }
            if (norm == 0) {
                continue;
            }
            nonZero++;
            double n = Math.sqrt(norm);
            for (Map.Entry<Integer, Double> e : vectors.get(m).entrySet()) {
                if (!excluded.contains(e.getKey())) {
                    sum.merge(e.getKey(), e.getValue() / n, Double::sum);
                }
            }
        }
        double squared = sum.values().stream().mapToDouble(x -> x * x).sum();
        int m = members.size();
        return (squared - nonZero) / ((double) m * (m - 1));
    }
}
