package dev.chassis.talk.journal;

import dev.chassis.core.journal.Journal;
import dev.chassis.core.journal.JournalEntry;
import dev.chassis.talk.state.SessionEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a session's events to its journal behind the conversation: {@link #accept} only queues
 * (microseconds); a virtual thread encodes and writes batches. A failed write is retried with backoff
 * and nothing is dropped; {@link #flush} waits until everything queued is durable. The writer owns its
 * thread: {@link #close} flushes and stops it. An idle writer sleeps until there is work; a turn can
 * {@link #hold} its wake-up until the turn's path is done, so waking it costs the turn nothing.
 */
public final class JournalWriter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JournalWriter.class);
    private static final int MAX_BATCH = 256;

    private final String sessionId;
    private final Journal journal;
    private final ConcurrentLinkedQueue<Queued> queue = new ConcurrentLinkedQueue<>();
    private final AtomicLong nextSequence;
    private final AtomicLong written;
    private final Thread thread;
    private volatile boolean sleeping;
    private volatile boolean held;
    private volatile boolean closing;

    public JournalWriter(String sessionId, Journal journal, long firstSequence) {
        this.sessionId = sessionId;
        this.journal = journal;
        this.nextSequence = new AtomicLong(firstSequence);
        this.written = new AtomicLong(firstSequence);
        this.thread = Thread.ofVirtual().name("journal-" + sessionId).start(this::run);
    }

    private record Queued(long sequence, SessionEvent event) { }

    /** Queues an event; called in log order (under the session log's lock). Encoding happens on the writer's thread. */
    public void accept(SessionEvent event) {
        queue.add(new Queued(nextSequence.getAndIncrement(), event));
        if (!held) {
            wake();
        }
    }

    /** Events accepted from now on wait for {@link #release} to wake the writer. For the turn's path. */
    public void hold() {
        held = true;
    }

    /** Wakes the writer for what was accepted while held. */
    public void release() {
        held = false;
        wake();
    }

    private void wake() {
        if (sleeping) {
            LockSupport.unpark(thread);
        }
    }

    /** Waits until every event queued so far is in the journal, or the timeout passes. */
    public boolean flush(Duration timeout) {
        long target = nextSequence.get();
        long deadline = System.nanoTime() + timeout.toNanos();
        wake();
        while (written.get() < target) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            LockSupport.parkNanos(200_000);
        }
        return true;
    }

    private void run() {
        List<JournalEntry> batch = new ArrayList<>();
        while (true) {
            Queued q = queue.poll();
            if (q == null) {
                if (closing) {
                    return;
                }
                // Announce the sleep, then look again: an event queued meanwhile either is seen here or sees `sleeping`.
                sleeping = true;
                if (queue.isEmpty() && !closing) {
                    LockSupport.park(this);
                }
                sleeping = false;
                continue;
            }
            batch.add(SessionEvent.CODEC.encode(q.sequence(), q.event()));
            for (Queued more = batch.size() < MAX_BATCH ? queue.poll() : null; more != null;
                 more = batch.size() < MAX_BATCH ? queue.poll() : null) {
                batch.add(SessionEvent.CODEC.encode(more.sequence(), more.event()));
            }
            try {
                writeWithRetry(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            written.addAndGet(batch.size());
            batch.clear();
        }
    }

    private void writeWithRetry(List<JournalEntry> batch) throws InterruptedException {
        long backoff = 10;
        while (true) {
            try {
                journal.append(sessionId, batch);
                return;
            } catch (RuntimeException e) {
                LOG.warn("journal write for session {} failed, retrying in {} ms: {}", sessionId, backoff, e.getMessage());
                Thread.sleep(backoff);
                backoff = Math.min(2_000, backoff * 2);
            }
        }
    }

    /** Flushes (up to 10 s) and stops the writer's thread. */
    @Override
    public void close() {
        flush(Duration.ofSeconds(10));
        closing = true;
        LockSupport.unpark(thread);
        try {
            thread.join(Duration.ofSeconds(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
