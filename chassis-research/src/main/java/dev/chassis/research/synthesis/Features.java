package dev.chassis.research.synthesis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Statements as sparse TF-IDF vectors over their key phrases and content lemmas, for grouping. A phrase
 * weighs twice a word (it says more); a feature used by one statement only is left out (it cannot make
 * two statements alike, and it would dilute their similarity). Written here rather than taken from
 * Lucene's scoring: what clustering needs is the vectors themselves, which Lucene's similarity keeps
 * inside its index. Stateless.
 */
final class Features {

    static final double PHRASE = 1.0;
    static final double WORD = 0.5;

    private Features() {
    }

    static VectorSpace of(List<Statement> statements) {
        List<Map<String, Double>> raw = new ArrayList<>(statements.size());
        Map<String, Integer> df = new HashMap<>();
        for (Statement s : statements) {
            Map<String, Double> f = new HashMap<>();
            for (String key : new HashSet<>(s.keys())) {
                f.put("p " + key, PHRASE);
            }
            Map<String, Integer> tf = new HashMap<>();
            s.lemmas().forEach(l -> tf.merge(l, 1, Integer::sum));
            tf.forEach((l, n) -> f.put("w " + l, WORD * (1 + Math.log(n))));
            f.keySet().forEach(k -> df.merge(k, 1, Integer::sum));
            raw.add(f);
        }
        int n = statements.size();
        Map<String, Integer> index = new HashMap<>();
        List<Map<Integer, Double>> weighted = new ArrayList<>(n);
        for (Map<String, Double> f : raw) {
            Map<Integer, Double> w = new HashMap<>();
            f.forEach((k, v) -> {
                int d = df.get(k);
                if (d >= 2) {
                    w.put(index.computeIfAbsent(k, x -> index.size()), v * Math.log((double) n / d + 1));
                }
            });
            weighted.add(w);
        }
        return VectorSpace.sparse(weighted, Math.max(1, index.size()));
    }

    /** The distinct sessions of a set of statements. */
    static Set<String> sessions(List<Statement> statements) {
        Set<String> out = new HashSet<>();
        statements.forEach(s -> out.add(s.session()));
        return out;
    }
}
