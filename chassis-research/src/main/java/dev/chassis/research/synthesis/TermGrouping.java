package dev.chassis.research.synthesis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Groups a small number of statements around shared terms, where k-means over sparse term vectors has
 * too little overlap to work with: repeatedly take the term (phrases preferred) raised in the most
 * sessions, weighted by how specific it is, make its statements a group, and continue with the
 * statements left. Deterministic; ties go to the alphabetically first term. Stateless.
 */
final class TermGrouping {

    private static final int KEY_TERMS = 6;
    private static final double PHRASE_BONUS = 1.5;

    private TermGrouping() {
    }

    static List<Cluster> of(List<Statement> statements, int maxGroups, int minSessions) {
        Map<String, Integer> df = new HashMap<>();
        statements.forEach(s -> new HashSet<>(s.terms()).forEach(t -> df.merge(t, 1, Integer::sum)));
        Set<Integer> pool = new LinkedHashSet<>();
        for (int i = 0; i < statements.size(); i++) {
            pool.add(i);
        }
        List<Cluster> out = new ArrayList<>();
        while (out.size() < maxGroups) {
            String anchor = anchor(statements, pool, df, minSessions);
            if (anchor == null) {
                break;
            }
            List<Integer> members = pool.stream().filter(i -> statements.get(i).terms().contains(anchor)).toList();
            pool.removeAll(members);
            List<String> keyTerms = keyTerms(statements, members, anchor);
            List<Statement> ranked = members.stream()
                    .sorted(Comparator.<Integer>comparingLong(i -> -statements.get(i).terms().stream().filter(keyTerms::contains).count())
                            .thenComparingInt(i -> i))
                    .map(statements::get).toList();
            int sessions = (int) ranked.stream().map(Statement::session).distinct().count();
            double cohesion = ranked.stream().mapToDouble(s -> s.terms().stream().filter(keyTerms::contains).count()
                    / (double) keyTerms.size()).average().orElse(0);
            out.add(new Cluster(out.size(), keyTerms, ranked, sessions, cohesion));
        }
        return out;
    }

    private static String anchor(List<Statement> statements, Set<Integer> pool, Map<String, Integer> df, int minSessions) {
        Map<String, Set<String>> sessions = new HashMap<>();
        for (int i : pool) {
            Statement s = statements.get(i);
            s.terms().forEach(t -> sessions.computeIfAbsent(t, x -> new HashSet<>()).add(s.session()));
        }
        double n = statements.size();
        return sessions.entrySet().stream()
                .filter(e -> e.getValue().size() >= minSessions)
                .max(Comparator.<Map.Entry<String, Set<String>>>comparingDouble(e -> e.getValue().size()
                                * Math.log(1 + n / df.get(e.getKey())) * (e.getKey().indexOf(' ') > 0 ? PHRASE_BONUS : 1))
                        .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                .map(Map.Entry::getKey).orElse(null);
    }

    private static List<String> keyTerms(List<Statement> statements, List<Integer> members, String anchor) {
        Map<String, Integer> counts = new HashMap<>();
        members.forEach(i -> new HashSet<>(statements.get(i).terms()).forEach(t -> counts.merge(t, 1, Integer::sum)));
        List<String> ranked = new ArrayList<>();
        ranked.add(anchor);
        counts.entrySet().stream()
                .filter(e -> !e.getKey().equals(anchor) && e.getValue() >= 2)
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry::getKey))
                .forEach(e -> ranked.add(e.getKey()));
        return Terms.distinct(ranked, KEY_TERMS);
    }
}
