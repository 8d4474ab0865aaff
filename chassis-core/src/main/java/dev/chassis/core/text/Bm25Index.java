package dev.chassis.core.text;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * Keyword search by BM25 (k1 = 1.2, b = 0.75) over documents given as their terms, kept in memory as
 * postings: what a talk session recalls on every turn (microseconds, so it allocates little) and what
 * the work harness's document search ranks passages by. The caller decides what a term is (stemmed,
 * stopwords removed); documents are numbered from 0 in the order they are added. Not thread-safe:
 * callers that add while others search guard it (a read-write lock does).
 *
 * <pre>{@code
 * Bm25Index index = new Bm25Index();
 * index.add(List.of("weekly", "plan", "board"));
 * Bm25Index.Hits hits = index.search(Bm25Index.Query.of(List.of("board")), doc -> true, 3);
 * }</pre>
 */
public final class Bm25Index {

    private static final double K1 = 1.2;
    private static final double B = 0.75;

    private int[] lengths = new int[16];
    private int size;
    // term -> {doc, frequency in doc} in doc order
    private final Map<String, List<int[]>> postings = new HashMap<>();
    private long totalLength;

    /**
     * What to search for.
     *
     * @param terms      the query's terms; repeats count once
     * @param maxTerms   at most this many terms are scored, the rarest first (a common term costs a
     *                   pass over many postings and adds almost nothing to the score)
     * @param skipCommon when set, terms found in more than half the documents (and more than two) are left out
     */
    public record Query(List<String> terms, int maxTerms, boolean skipCommon) {

        public Query {
            terms = List.copyOf(new LinkedHashSet<>(terms));
            if (maxTerms < 1) {
                throw new IllegalArgumentException("maxTerms must be at least 1, was " + maxTerms);
            }
        }

        /** Every term of the query, common ones included. */
        public static Query of(Collection<String> terms) {
            return new Query(List.copyOf(terms), Integer.MAX_VALUE, false);
        }

        /** The same query scoring only its {@code n} rarest terms. */
        public Query withMaxTerms(int n) {
            return new Query(terms, n, skipCommon);
        }

        /** The same query without the terms most documents have. */
        public Query withoutCommonTerms() {
            return new Query(terms, maxTerms, true);
        }
    }

    /**
     * The best documents for a query, best first (equal scores: the earlier document first).
     *
     * @param docs   document numbers
     * @param scores their BM25 scores, in the same order
     */
    public record Hits(int[] docs, double[] scores) {

        public int size() {
            return docs.length;
        }
    }

    /** Adds a document by its terms (repeats count) and returns its number. */
    public int add(List<String> terms) {
        Map<String, Integer> tf = new HashMap<>();
        terms.forEach(t -> tf.merge(t, 1, Integer::sum));
        int doc = size++;
        if (doc == lengths.length) {
            lengths = java.util.Arrays.copyOf(lengths, doc * 2);
        }
        lengths[doc] = terms.size();
        totalLength += terms.size();
        tf.forEach((term, n) -> postings.computeIfAbsent(term, k -> new ArrayList<>()).add(new int[] {doc, n}));
        return doc;
    }

    /** How many documents are indexed. */
    public int size() {
        return size;
    }

    /**
     * The {@code limit} best documents that {@code accept} lets through and that share a term with the query.
     */
    public Hits search(Query query, IntPredicate accept, int limit) {
        int n = size;
        if (n == 0 || query.terms().isEmpty() || limit < 1) {
            return new Hits(new int[0], new double[0]);
        }
        List<List<int[]>> lists = new ArrayList<>();
        for (String term : query.terms()) {
            List<int[]> list = postings.get(term);
            if (list != null && (!query.skipCommon() || list.size() <= Math.max(2, n / 2))) {
                lists.add(list);
            }
        }
        lists.sort(Comparator.comparingInt(List::size)); // stable: equally rare terms keep the query's order
        double avg = totalLength / (double) n;
        double[] scores = new double[n];
        int[] touched = new int[n];
        int touchedCount = 0;
        for (List<int[]> list : lists.subList(0, Math.min(query.maxTerms(), lists.size()))) {
            double idf = Math.log(1 + (n - list.size() + 0.5) / (list.size() + 0.5));
            for (int[] p : list) {
                if (!accept.test(p[0])) {
                    continue;
                }
                double tf = p[1];
                if (scores[p[0]] == 0) {
                    touched[touchedCount++] = p[0];
                }
                scores[p[0]] += idf * tf * (K1 + 1) / (tf + K1 * (1 - B + B * lengths[p[0]] / avg));
            }
        }
        return top(scores, touched, touchedCount, limit);
    }

    /** The best {@code limit} of the touched documents by insertion into a short sorted array. */
    private static Hits top(double[] scores, int[] touched, int count, int limit) {
        int[] best = new int[Math.min(limit, count)];
        int size = 0;
        for (int i = 0; i < count; i++) {
            int doc = touched[i];
            int at = size;
            while (at > 0 && (scores[best[at - 1]] < scores[doc] || scores[best[at - 1]] == scores[doc] && best[at - 1] > doc)) {
                at--;
            }
            if (at < best.length) {
                int end = Math.min(size, best.length - 1);
                System.arraycopy(best, at, best, at + 1, end - at);
                best[at] = doc;
                size = Math.min(size + 1, best.length);
            }
        }
        double[] s = new double[size];
        for (int i = 0; i < size; i++) {
            s[i] = scores[best[i]];
        }
        return new Hits(size == best.length ? best : java.util.Arrays.copyOf(best, size), s);
    }
}
