package dev.chassis.talk.recall;

import dev.chassis.core.embed.Embedder;
import dev.chassis.core.embed.Vectors;
import dev.chassis.core.text.Words;
import dev.chassis.talk.text.Analysis;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The session's memory of what the person said, searchable by keyword and, with an embedder, by
 * meaning. {@link #add} runs off the turn's path (after the reply is dispatched); {@link #byKeyword}
 * runs on it and takes microseconds: BM25 over stemmed terms kept in memory. Vectors are computed in
 * {@link #add} too, and the moments most similar to each new utterance are kept for the turns after.
 * Thread-safe: one writer at a time, readers never wait for the embedder.
 */
public final class RecallIndex {

    private static final double K1 = 1.2;
    private static final double B = 0.75;
    private static final int MAX_QUERY_TERMS = 12;

    private final String language;
    private final Optional<Embedder> embedder;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    // Guarded by lock.
    private final List<Doc> docs = new ArrayList<>();
    private final Map<String, List<int[]>> postings = new HashMap<>();
    private long totalLength;
    // Written by add (after the embedding), read by the turn: concurrent collections.
    private final List<float[]> vectors = new CopyOnWriteArrayList<>();
    private final Map<Integer, List<Moment>> related = new ConcurrentHashMap<>();

    public RecallIndex(String language, Optional<Embedder> embedder) {
        this.language = language;
        this.embedder = embedder.filter(e -> e.supports(language));
    }

    /** An indexed utterance; its snippet is cut once, here, not on every turn that recalls it. */
    private record Doc(int turn, String snippet, int length) { }

    /** Adds what the person said at {@code turn}. Call off the turn's path: it analyses and may embed. */
    public void add(int turn, String text) {
        List<String> terms = Analysis.terms(text, language);
        Map<String, Integer> tf = new HashMap<>();
        terms.forEach(t -> tf.merge(t, 1, Integer::sum));
        int docIndex;
        lock.writeLock().lock();
        try {
            docIndex = docs.size();
            docs.add(new Doc(turn, snippet(text), terms.size()));
            totalLength += terms.size();
            tf.forEach((term, n) -> postings.computeIfAbsent(term, k -> new ArrayList<>()).add(new int[] {docIndex, n}));
        } finally {
            lock.writeLock().unlock();
        }
        embedder.ifPresent(e -> addVector(docIndex, turn, e.embed(text)));
    }

    /** Earlier moments (before {@code beforeTurn}) that share the most telling words with {@code utterance}. */
    public List<Moment> byKeyword(String utterance, int beforeTurn, int limit) {
        List<String> query = List.copyOf(new java.util.LinkedHashSet<>(Analysis.terms(utterance, language)));
        if (query.isEmpty()) {
            return List.of();
        }
        lock.readLock().lock();
        try {
            int n = docs.size();
            if (n == 0) {
                return List.of();
            }
            // The rarest terms carry the meaning; common ones add cost and almost no score.
            List<List<int[]>> telling = new ArrayList<>();
            for (String term : query) {
                List<int[]> list = postings.get(term);
                if (list != null && list.size() <= Math.max(2, n / 2)) {
                    telling.add(list);
                }
            }
            telling.sort(Comparator.comparingInt(List::size)); // stable: equally rare terms keep the utterance's order
            double avg = totalLength / (double) n;
            double[] scores = new double[n];
            int[] touched = new int[n];
            int touchedCount = 0;
            for (List<int[]> list : telling.subList(0, Math.min(MAX_QUERY_TERMS, telling.size()))) {
                double idf = Math.log(1 + (n - list.size() + 0.5) / (list.size() + 0.5));
                for (int[] p : list) {
                    Doc d = docs.get(p[0]);
                    if (d.turn() >= beforeTurn) {
                        continue;
                    }
                    double tf = p[1];
                    if (scores[p[0]] == 0) {
                        touched[touchedCount++] = p[0];
                    }
                    scores[p[0]] += idf * tf * (K1 + 1) / (tf + K1 * (1 - B + B * d.length() / avg));
                }
            }
            return top(scores, touched, touchedCount, limit);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The best {@code limit} of the touched documents, best first, ties to the earlier. Caller holds the read lock. */
    private List<Moment> top(double[] scores, int[] touched, int count, int limit) {
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
        List<Moment> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            Doc d = docs.get(best[i]);
            out.add(new Moment(d.turn(), d.snippet(), round(scores[best[i]]), "keyword"));
        }
        return out;
    }

    /** Moments similar in meaning to what was said at {@code turn}, if the embedder has finished with it. */
    public List<Moment> byMeaning(int turn) {
        return related.getOrDefault(turn, List.of());
    }

    /** How many utterances are indexed. */
    public int size() {
        lock.readLock().lock();
        try {
            return docs.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    private void addVector(int docIndex, int turn, float[] vector) {
        List<Moment> similar = new ArrayList<>();
        for (int i = 0; i < vectors.size() && i < docIndex; i++) {
            double sim = Vectors.cosine(vector, vectors.get(i));
            if (sim >= 0.5) {
                Doc d;
                lock.readLock().lock();
                try {
                    d = docs.get(i);
                } finally {
                    lock.readLock().unlock();
                }
                similar.add(new Moment(d.turn(), d.snippet(), round(sim), "meaning"));
            }
        }
        vectors.add(vector);
        similar.sort(Comparator.comparingDouble(Moment::score).reversed());
        related.put(turn, List.copyOf(similar.subList(0, Math.min(3, similar.size()))));
    }

    /** At most 40 words of a moment: enough to remind, small enough for the prompt. What a recalled moment's text will be. */
    public static String snippet(String text) {
        return Words.clip(text, 40);
    }

    private static double round(double d) {
        return Math.round(d * 1000) / 1000.0;
    }
}
