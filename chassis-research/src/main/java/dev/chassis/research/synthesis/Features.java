package dev.chassis.research.synthesis;

import dev.chassis.research.synthesis.phrase.Phrase;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Statements as sparse TF-IDF vectors over their key phrases and content lemmas, for grouping. A phrase
 * weighs twice a noun and a noun twice a verb (each says more than the next); a word whose statements
 * share nothing else weighs less ({@link GenericWords}); a feature used by one statement only is left
 * out (it cannot make two statements alike, and it would dilute their similarity). Written here rather than taken from
 * Lucene's scoring: what clustering needs is the vectors themselves, which Lucene's similarity keeps
 * inside its index. Stateless.
 */
final class Features {

    static final double PHRASE = 1.0;
    static final double WORD = 0.5;
    /** A verb alone says less than a noun ("checking" against "sources"): it counts half as much. */
    static final double VERB = 0.25;

    private Features() {
    }

    static VectorSpace of(List<Statement> statements) {
        return of(statements, Map.of());
    }

    /**
     * As {@link #of(List)}; when the sessions are in more than one language ({@code languages}: session id to
     * language), each statement also carries the shared concepts its words name ({@link Concepts}), weighed as a
     * word, so statements in two languages about the same thing can meet.
     */
    static VectorSpace of(List<Statement> statements, Map<String, String> languages) {
        boolean across = new HashSet<>(languages.values()).size() > 1;
        List<Map<String, Double>> raw = new ArrayList<>(statements.size());
        Map<String, Integer> df = new HashMap<>();
        for (Statement s : statements) {
            Map<String, Double> f = new HashMap<>();
            for (String key : new HashSet<>(s.keys())) {
                f.put("p " + key, PHRASE);
            }
            Map<String, Integer> tf = new HashMap<>();
            Set<String> verbs = new HashSet<>();
            for (Phrase w : s.words()) {
                tf.merge(w.key(), 1, Integer::sum);
                if (w.verbal()) {
                    verbs.add(w.key());
                }
            }
            tf.forEach((l, n) -> f.put("w " + l, (verbs.contains(l) ? VERB : WORD) * (1 + Math.log(n))));
            if (across) {
                concepts(s, languages).forEach(c -> f.put("c " + c, WORD));
            }
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
        String[] names = new String[index.size()];
        index.forEach((k, i) -> names[i] = k);
        GenericWords.reweigh(weighted, List.of(names));
        return VectorSpace.sparse(weighted, Math.max(1, index.size()));
    }

    /** The shared concepts a statement names, read in its session's language. */
    static Set<String> concepts(Statement s, Map<String, String> languages) {
        Set<String> lemmas = new HashSet<>(s.lemmas());
        s.keys().forEach(k -> lemmas.addAll(List.of(k.split(" "))));
        return Concepts.of(languages.get(s.session()), lemmas);
    }

    /** The distinct sessions of a set of statements. */
    static Set<String> sessions(List<Statement> statements) {
        Set<String> out = new HashSet<>();
        statements.forEach(s -> out.add(s.session()));
        return out;
    }
}
