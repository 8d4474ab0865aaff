package dev.chassis.talk.recall;

import dev.chassis.core.embed.Embedder;
import dev.chassis.core.embed.Vectors;
import dev.chassis.core.text.Bm25Index;
import dev.chassis.core.text.Words;
import dev.chassis.talk.text.Analysis;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The session's memory of what the person said, searchable by keyword and, with an embedder, by
 * meaning. {@link #add} runs off the turn's path (after the reply is dispatched); {@link #byKeyword}
 * runs on it and takes microseconds: BM25 ({@link Bm25Index}) over stemmed terms kept in memory. Vectors are computed in
 * {@link #add} too, and the moments most similar to each new utterance are kept for the turns after.
 * Thread-safe: one writer at a time, readers never wait for the embedder.
 */
public final class RecallIndex {

    private static final int MAX_QUERY_TERMS = 12;

    private final String language;
    private final Optional<Embedder> embedder;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    // Guarded by lock.
    private final List<Doc> docs = new ArrayList<>();
    private final Bm25Index keywords = new Bm25Index();
    // Written by add (after the embedding), read by the turn: concurrent collections.
    private final List<float[]> vectors = new CopyOnWriteArrayList<>();
    private final Map<Integer, List<Moment>> related = new ConcurrentHashMap<>();

    public RecallIndex(String language, Optional<Embedder> embedder) {
        this.language = language;
        this.embedder = embedder.filter(e -> e.supports(language));
    }

    /** An indexed utterance; its snippet is cut once, here, not on every turn that recalls it. */
    private record Doc(int turn, String snippet) { }

    /** Adds what the person said at {@code turn}. Call off the turn's path: it analyses and may embed. */
    public void add(int turn, String text) {
        List<String> terms = Analysis.terms(text, language);
        int docIndex;
        lock.writeLock().lock();
        try {
            docIndex = keywords.add(terms);
            docs.add(new Doc(turn, snippet(text)));
        } finally {
            lock.writeLock().unlock();
        }
        embedder.ifPresent(e -> addVector(docIndex, turn, e.embed(text)));
    }

    /** Earlier moments (before {@code beforeTurn}) that share the most telling words with {@code utterance}. */
    public List<Moment> byKeyword(String utterance, int beforeTurn, int limit) {
        List<String> terms = Analysis.terms(utterance, language);
        if (terms.isEmpty()) {
            return List.of();
        }
        // The rarest terms carry the meaning; common ones add cost and almost no score.
        Bm25Index.Query query = new Bm25Index.Query(terms, MAX_QUERY_TERMS, true);
        lock.readLock().lock();
        try {
            Bm25Index.Hits hits = keywords.search(query, doc -> docs.get(doc).turn() < beforeTurn, limit);
            List<Moment> out = new ArrayList<>(hits.size());
            for (int i = 0; i < hits.size(); i++) {
                Doc d = docs.get(hits.docs()[i]);
                out.add(new Moment(d.turn(), d.snippet(), round(hits.scores()[i]), "keyword"));
            }
            return out;
        } finally {
            lock.readLock().unlock();
        }
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
