package dev.chassis.core.journal;

import java.util.List;

/**
 * Durable log of a talk session's events, so that a session can be rebuilt after a crash or a
 * disconnect. The talk harness writes to it through an asynchronous batched writer, never on a
 * turn's path.
 *
 * <p>Contract: entries of one session are appended in sequence order without gaps; when
 * {@link #append} returns, the entries survive a crash of the process; {@link #read} returns them in
 * sequence order. Implementations are thread-safe.
 */
public interface SessionJournal extends AutoCloseable {

    /**
     * Appends entries to a session's stream, durably.
     *
     * @throws JournalException when they cannot be written, or a sequence number is not the next one
     */
    void append(String sessionId, List<JournalEntry> entries);

    /** Every entry of a session in sequence order; empty for an unknown session. */
    List<JournalEntry> read(String sessionId);

    /** The ids of every session with at least one entry. */
    List<String> sessions();

    @Override
    default void close() {
    }
}
