package dev.chassis.core.journal;

import java.util.List;

/**
 * Durable, append-only streams of a harness's events, one stream per talk session or work run, from
 * which a session or a run resumes after a crash. One SPI for both harnesses; implementations: in
 * memory ({@link InMemoryJournal}), files ({@link FileJournal}) and a database ({@code JdbcJournal} in
 * chassis-store, embedded H2 or PostgreSQL).
 *
 * <p>Contract: entries of one stream are appended in sequence order without gaps; when
 * {@link #append} returns they survive a crash of the process; {@link #read} returns them in order.
 * Implementations are thread-safe.
 *
 * <pre>{@code
 * Journal journal = new FileJournal(Path.of(".chassis/runs"));
 * journal.append("run-1", List.of(RunEvent.CODEC.encode(0, started)));
 * List<RunEvent> events = RunEvent.CODEC.decodeAll(journal.read("run-1"));
 * }</pre>
 */
public interface Journal extends AutoCloseable {

    /**
     * Appends entries to a stream, durably.
     *
     * @throws JournalException when they cannot be written, or a sequence number is not the next one
     */
    void append(String stream, List<JournalEntry> entries);

    /**
     * Every acknowledged entry of a stream in sequence order; empty for an unknown stream (or one whose
     * only write was cut off by a crash).
     *
     * @throws JournalException when the stream cannot be read
     */
    List<JournalEntry> read(String stream);

    /** The ids of every stream with at least one acknowledged entry. */
    List<String> streams();

    @Override
    default void close() {
    }
}
