package dev.chassis.core.journal;

import java.util.List;

/**
 * Durable log of a work run's events (attempts, model and tool calls, gate verdicts), from which a
 * run resumes after a crash without redoing finished work or repeating a side effect.
 *
 * <p>Contract: entries of one run are appended in sequence order without gaps; when
 * {@link #append} returns, they survive a crash of the process; {@link #read} returns them in
 * order. Implementations are thread-safe.
 */
public interface RunJournal extends AutoCloseable {

    /**
     * Appends entries to a run's stream, durably.
     *
     * @throws JournalException when they cannot be written, or a sequence number is not the next one
     */
    void append(String runId, List<JournalEntry> entries);

    /** Every entry of a run in sequence order; empty for an unknown run. */
    List<JournalEntry> read(String runId);

    /** The ids of every run with at least one entry. */
    List<String> runs();

    @Override
    default void close() {
    }
}
