package dev.chassis.research.synthesis;

import dev.chassis.core.embed.Embedder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Groups statements into themes, seeded by key phrases. The phrases raised in the most sessions (and
 * not made only of the study's subject, such as "use AI" in a study of AI use) each start a group at the centre of the statements that use them; every
 * statement then joins the group whose centre it is most similar to, if it is similar enough, and the
 * centres move to their members until nothing changes (spherical k-means with a noise bucket). Groups
 * whose centres end up alike are merged; a group needs a minimum number of sessions, scaled to the
 * study ({@link #minSessions}).
 *
 * <p>Why not a library's k-means (Commons Math, Smile): they seed at random and need dense points, so
 * the themes would depend on the seed and on the order of the input, and 10,000 statements over a
 * vocabulary of 20,000 would not fit densely. Seeding by phrases makes every step a function of the
 * statements' content: ties go to the phrase first in alphabetical order, never to input order.
 * Stateless and deterministic.
 */
final class Clustering {

    /** Similarity to a group's centre needed to join it; below, a statement belongs to no theme. */
    static final double JOIN = 0.2;
    /** The same for sentence embeddings, where unrelated sentences already score about 0.2. */
    static final double JOIN_DENSE = 0.6;
    /** Groups whose centres are at least this similar say the same thing and are merged. */
    static final double SAME = 0.4;
    /** The same for sentence embeddings, whose centres are all alike at 0.4 and most at 0.8. */
    static final double SAME_DENSE = 0.9;
    /** A group with more than this many times the statements of the typical group is a catch-all. */
    static final double CATCH_ALL = 4;
    /** A phrase raised in more than this share of sessions is the study's topic, not a theme. */
    static final double TOPIC_SHARE = 0.5;
    private static final int ITERATIONS = 25;
    /** Seeds tried per theme wanted: many fall away as redundant, merged or too rare. */
    private static final int SEEDS_PER_THEME = 4;
    /** A single word's weight as a seed, against a phrase's 1. */
    static final double WORD_SEED = 0.5;

    private Clustering() {
    }

    /** Sessions a theme needs: 5% of them, at least two (one when there is one session). */
    static int minSessions(int sessions) {
        return sessions <= 1 ? 1 : Math.max(2, (int) Math.round(sessions * 0.05));
    }

    static List<Cluster> of(Statements.Read read, int maxThemes, Optional<Embedder> embedder,
                            Function<Statement, Optional<String>> objectiveOf) {
        List<Statement> statements = read.statements();
        if (statements.isEmpty()) {
            return List.of();
        }
        VectorSpace space = embedder.map(e -> VectorSpace.embeddings(e, statements.stream().map(Statement::text).toList()))
                .orElseGet(() -> Features.of(statements, read.languages()));
        int sessions = Features.sessions(statements).size();
        int min = minSessions(sessions);
        List<Group> groups = seeds(statements, read, space, sessions, min, maxThemes * SEEDS_PER_THEME);
        assign(space, groups);
        merge(space, groups);
        ThemeLabels labels = new ThemeLabels(statements, read.topic(), read.languages(), objectiveOf);
        List<Cluster> out = new ArrayList<>();
        for (Cluster c : named(space, groups, labels)) {
            if (enough(c, min)) {
                out.add(c);
            }
        }
        out.sort(Comparator.comparingInt((Cluster c) -> -c.sessions()).thenComparingInt(c -> -c.members().size())
                .thenComparing(Cluster::label));
        List<Cluster> top = List.copyOf(out.subList(0, Math.min(maxThemes, out.size())));
        out.removeAll(top.stream().filter(c -> catchAll(c, top)).toList());
        List<Cluster> kept = new ArrayList<>();
        for (Cluster c : out.subList(0, Math.min(maxThemes, out.size()))) {
            kept.add(c.withIndex(kept.size()));
        }
        return kept;
    }

    /**
     * Names every group; two groups that come out with the same name in other words ("Data analysis",
     * "Analyze data") are one theme and are merged, until every name is distinct.
     */
    private static List<Cluster> named(VectorSpace space, List<Group> groups, ThemeLabels labels) {
        List<Cluster> named = new ArrayList<>();
        List<Group> live = new ArrayList<>();
        for (Group g : groups) {
            Cluster c = labels.cluster(g.members, g.similarity);
            if (c != null) {
                named.add(c);
                live.add(g);
            }
        }
        for (int i = 0; i < named.size(); i++) {
            for (int j = i + 1; j < named.size(); j++) {
                if (ThemeLabels.sameWords(named.get(i).label(), named.get(j).label())) {
                    Group into = live.get(i);
                    mergeInto(space, into, live.remove(j));
                    named.remove(j);
                    named.set(i, labels.cluster(into.members, into.similarity));
                    j = i;   // the merged group may now match another one
                }
            }
        }
        return named;
    }

    /**
     * A group many times the size of the typical one among the themes holds what is loosely like everything (in a study of
     * AI use, every sentence about AI): no theme, and it would crowd out the real ones.
     */
    private static boolean catchAll(Cluster c, List<Cluster> all) {
        int[] others = all.stream().filter(o -> o != c).mapToInt(o -> o.members().size()).sorted().toArray();
        return others.length >= 2 && c.members().size() > CATCH_ALL * others[others.length / 2];
    }

    /** A theme needs its minimum of sessions; in a one-session study, two statements from different turns. */
    private static boolean enough(Cluster c, int min) {
        return c.sessions() >= min && (min > 1 || c.members().stream().map(Statement::turn).distinct().count() >= 2);
    }

    /** A group while it forms: its centre, its members (statement indices) and their similarity to the centre. */
    private static final class Group {
        final String seed;
        double[] centre;
        List<Integer> members = new ArrayList<>();
        Map<Integer, Double> similarity = new HashMap<>();

        Group(String seed, double[] centre) {
            this.seed = seed;
            this.centre = centre;
        }
    }

    private static List<Group> seeds(List<Statement> statements, Statements.Read read, VectorSpace space, int sessions, int min, int max) {
        Set<String> topic = read.topic();
        Map<String, List<Integer>> uses = new HashMap<>();
        Map<String, List<Integer>> wordUses = new HashMap<>();
        boolean across = new HashSet<>(read.languages().values()).size() > 1;
        for (int i = 0; i < statements.size(); i++) {
            // Across languages a shared concept seeds like a noun: "precio" and "price" start one group.
            for (String c : across ? Features.concepts(statements.get(i), read.languages()) : Set.<String>of()) {
                wordUses.computeIfAbsent("concept " + c, x -> new ArrayList<>()).add(i);
            }
            for (String k : new TreeSet<>(statements.get(i).keys())) {
                uses.computeIfAbsent(k, x -> new ArrayList<>()).add(i);
            }
            // Only nouns seed as single words: a bare verb ("asking") or adjective names no theme.
            for (String w : new TreeSet<>(statements.get(i).words().stream().filter(p -> !p.verbal()).map(p -> p.key()).toList())) {
                wordUses.computeIfAbsent(w, x -> new ArrayList<>()).add(i);
            }
        }
        record Candidate(String key, List<Integer> statements, int sessions, double score) {
        }
        List<Candidate> candidates = new ArrayList<>();
        int n = statements.size();
        // A phrase is a better seed than a word: words only fill the seeds phrases leave (small studies share few phrases).
        for (Map<String, List<Integer>> source : List.of(uses, wordUses)) {
            if (source == wordUses && candidates.size() >= max) {
                break;
            }
            double weight = source == uses ? 1.0 : WORD_SEED;
            source.forEach((key, idx) -> {
                int in = (int) idx.stream().map(i -> statements.get(i).session()).distinct().count();
                boolean aboutTopicOnly = topic.containsAll(List.of(key.split(" ")));
                if (in >= Math.max(2, min / 2) && idx.size() >= 2 && !aboutTopicOnly) {
                    candidates.add(new Candidate(key, idx, in, weight * in * Math.log((double) n / idx.size() + 1)));
                }
            });
        }
        candidates.sort(Comparator.comparingDouble((Candidate c) -> -c.score()).thenComparing(Candidate::key));
        List<Group> out = new ArrayList<>();
        for (Candidate c : candidates.subList(0, Math.min(candidates.size(), max * 3))) {
            if (out.size() == max) {
                break;
            }
            double[] centre = centre(space, c.statements());
            Set<Integer> mine = new HashSet<>(c.statements());
            boolean redundant = out.stream().anyMatch(g -> dot(g.centre, centre) >= same(space)
                    || g.members.stream().filter(mine::contains).count() * 2 >= mine.size());
            if (!redundant) {
                Group g = new Group(c.key(), centre);
                g.members = c.statements();
                out.add(g);
            }
        }
        return out;
    }

    /** Moves statements to their nearest centre (or none) and centres to their members until nothing changes. */
    private static void assign(VectorSpace space, List<Group> groups) {
        int n = space.size();
        int[] current = new int[n];
        Arrays.fill(current, -2);
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            boolean changed = false;
            groups.forEach(g -> {
                g.members = new ArrayList<>();
                g.similarity = new HashMap<>();
            });
            for (int i = 0; i < n; i++) {
                int best = -1;
                double bestSim = join(space);
                for (int g = 0; g < groups.size(); g++) {
                    double s = space.dot(i, groups.get(g).centre);
                    if (s > bestSim) {   // strictly greater: a tie stays with the earlier (higher-ranked) seed
                        bestSim = s;
                        best = g;
                    }
                }
                if (best >= 0) {
                    groups.get(best).members.add(i);
                    groups.get(best).similarity.put(i, bestSim);
                }
                changed |= current[i] != best;
                current[i] = best;
            }
            for (Group g : groups) {
                if (!g.members.isEmpty()) {
                    g.centre = centre(space, g.members);
                }
            }
            if (!changed) {
                break;
            }
        }
    }

    /** Merges the most similar pair of groups while any pair's centres are at least {@link #SAME} alike. */
    private static void merge(VectorSpace space, List<Group> groups) {
        groups.removeIf(g -> g.members.isEmpty());
        while (true) {
            int a = -1;
            int b = -1;
            double best = same(space);
            for (int i = 0; i < groups.size(); i++) {
                for (int j = i + 1; j < groups.size(); j++) {
                    double s = dot(groups.get(i).centre, groups.get(j).centre);
                    if (s >= best) {
                        best = s;
                        a = i;
                        b = j;
                    }
                }
            }
            if (a < 0) {
                return;
            }
            mergeInto(space, groups.get(a), groups.remove(b));
        }
    }

    private static void mergeInto(VectorSpace space, Group into, Group from) {
        into.members.addAll(from.members);
        into.members.sort(Integer::compare);
        into.centre = centre(space, into.members);
        into.similarity = new HashMap<>();
        for (int i : into.members) {
            into.similarity.put(i, space.dot(i, into.centre));
        }
    }

    private static double[] centre(VectorSpace space, List<Integer> members) {
        double[] c = new double[space.dimensions()];
        members.forEach(i -> space.addTo(i, c));
        double norm = 0;
        for (double x : c) {
            norm += x * x;
        }
        if (norm > 0) {
            double nn = Math.sqrt(norm);
            for (int k = 0; k < c.length; k++) {
                c[k] /= nn;
            }
        }
        return c;
    }

    private static double join(VectorSpace space) {
        return space instanceof VectorSpace.Dense ? JOIN_DENSE : JOIN;
    }

    private static double same(VectorSpace space) {
        return space instanceof VectorSpace.Dense ? SAME_DENSE : SAME;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int k = 0; k < a.length; k++) {
            s += a[k] * b[k];
        }
        return s;
    }
}
