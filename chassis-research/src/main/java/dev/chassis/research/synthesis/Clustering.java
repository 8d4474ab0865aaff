package dev.chassis.research.synthesis;

import dev.chassis.core.embed.Embedder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Groups statements into clusters and characterises each by its key terms. Vectors are embeddings
 * when an embedder is given (and supports the language), TF-IDF over content terms otherwise;
 * grouping is spherical k-means with a fixed seed, except for small keyword-only inputs, which
 * {@link TermGrouping} groups around shared terms. Clusters raised in a single session are dropped
 * when there are several sessions (a theme is something shared). Stateless.
 */
final class Clustering {

    static final long SEED = 20_240_601L;
    private static final int KEY_TERMS = 6;
    static final double LOOSE = 0.6;
    /** Below this many statements, term vectors overlap too little for k-means; {@link TermGrouping} is used. */
    static final int SMALL = 300;

    private Clustering() {
    }

    /** How many groups to look for: the square root of a third of the statements, between 2 and {@code max}. */
    static int groups(int statements, int max) {
        return Math.max(1, Math.min(Math.min(max, statements), Math.max(2, (int) Math.round(Math.sqrt(statements / 3.0)))));
    }

    static List<Cluster> of(List<Statement> statements, int maxThemes, Optional<Embedder> embedder) {
        if (statements.isEmpty()) {
            return List.of();
        }
        long sessionCount = statements.stream().map(Statement::session).distinct().count();
        if (embedder.isEmpty() && statements.size() < SMALL) {
            return widestFirst(TermGrouping.of(statements, maxThemes, sessionCount > 1 ? 2 : 1));
        }
        VectorSpace space = embedder
                .map(e -> VectorSpace.embeddings(e, statements.stream().map(Statement::text).toList()))
                .orElseGet(() -> VectorSpace.terms(statements.stream().map(Statement::terms).toList()));
        // Look for a few more groups than wanted: the loosest are usually left-overs and get dropped.
        int k = groups(statements.size(), maxThemes * 2);
        KMeans.Clusters result = KMeans.cluster(space, k, SEED);
        List<List<Integer>> members = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            members.add(new ArrayList<>());
        }
        for (int i = 0; i < statements.size(); i++) {
            members.get(result.assignment()[i]).add(i);
        }
        Map<Integer, List<String>> keyTerms = keyTerms(statements, members);
        long sessionsTotal = statements.stream().map(Statement::session).distinct().count();
        List<Cluster> clusters = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            List<Integer> ids = members.get(c);
            ids.sort(Comparator.<Integer>comparingDouble(i -> -result.similarity()[i]).thenComparingInt(i -> i));
            List<Statement> ranked = ids.stream().map(statements::get).toList();
            int sessions = (int) ranked.stream().map(Statement::session).distinct().count();
            if (ranked.isEmpty() || (sessionsTotal > 1 && sessions < 2)) {
                continue;
            }
            double cohesion = ids.stream().mapToDouble(i -> result.similarity()[i]).average().orElse(0);
            clusters.add(new Cluster(c, keyTerms.get(c), ranked, sessions, cohesion));
        }
        dropLeftOvers(clusters);
        return widestFirst(clusters).subList(0, Math.min(maxThemes, clusters.size()));
    }

    /** Most widespread first (sessions, then statements), renumbered 0, 1, 2... in that order. */
    private static List<Cluster> widestFirst(List<Cluster> clusters) {
        List<Cluster> sorted = new ArrayList<>(clusters);
        sorted.sort(Comparator.comparingInt((Cluster c) -> -c.sessions())
                .thenComparingInt(c -> -c.members().size()).thenComparingInt(Cluster::index));
        List<Cluster> out = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            Cluster c = sorted.get(i);
            out.add(new Cluster(i, c.keyTerms(), c.members(), c.sessions(), c.cohesion()));
        }
        return out;
    }

    /**
     * k-means tends to leave one loose group of statements that fit nowhere; it is widespread by nature,
     * so ranking by sessions would put it first. Groups far looser than the typical one (cohesion under
     * {@link #LOOSE} of the median) are dropped while at least three groups remain.
     */
    private static void dropLeftOvers(List<Cluster> clusters) {
        if (clusters.size() < 4) {
            return;
        }
        double[] c = clusters.stream().mapToDouble(Cluster::cohesion).sorted().toArray();
        double median = c[c.length / 2];
        clusters.removeIf(x -> x.cohesion() < LOOSE * median);
    }

    /**
     * How much a term says about a group: its share in the group times the log of how much more common
     * it is there than overall (a pointwise KL term). Frequent everywhere ("creative" in a study of
     * creatives) scores low; frequent here and rare elsewhere scores high.
     */
    static double specificity(double inGroup, double overall) {
        return inGroup <= 0 || overall <= 0 ? 0 : inGroup * Math.log(inGroup / overall);
    }

    /**
     * Class-based term weighting: a term is key to a group when it is frequent there and rare elsewhere, and used
     * by more than one statement in the group (one talkative sentence does not name a theme).
     */
    private static Map<Integer, List<String>> keyTerms(List<Statement> statements, List<List<Integer>> members) {
        Map<String, Integer> totals = new HashMap<>();
        List<Map<String, Integer>> perGroup = new ArrayList<>();
        List<Map<String, Set<Integer>>> usedBy = new ArrayList<>();
        long words = 0;
        for (List<Integer> group : members) {
            Map<String, Integer> tf = new HashMap<>();
            Map<String, Set<Integer>> users = new HashMap<>();
            for (int i : group) {
                for (String t : statements.get(i).terms()) {
                    tf.merge(t, 1, Integer::sum);
                    totals.merge(t, 1, Integer::sum);
                    users.computeIfAbsent(t, x -> new HashSet<>()).add(i);
                    words++;
                }
            }
            perGroup.add(tf);
            usedBy.add(users);
        }
        Map<Integer, List<String>> out = new HashMap<>();
        for (int c = 0; c < members.size(); c++) {
            Map<String, Integer> tf = perGroup.get(c);
            Map<String, Set<Integer>> users = usedBy.get(c);
            int size = members.get(c).size();
            long groupWords = tf.values().stream().mapToLong(Integer::longValue).sum();
            long allWords = Math.max(1, words);
            out.put(c, Terms.distinct(tf.entrySet().stream()
                    .filter(e -> size < 2 || users.get(e.getKey()).size() >= 2)
                    .sorted(Comparator.<Map.Entry<String, Integer>>comparingDouble(e -> -specificity(
                                    e.getValue() / (double) groupWords, totals.get(e.getKey()) / (double) allWords))
                            .thenComparing(Map.Entry::getKey))
                    .map(Map.Entry::getKey).limit(KEY_TERMS * 3L).toList(), KEY_TERMS));
        }
        return out;
    }
}
