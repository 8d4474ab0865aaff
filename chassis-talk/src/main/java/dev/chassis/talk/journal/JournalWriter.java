package dev.chassis.talk.journal;

import dev.chassis.core.journal.JournalEntry;
import dev.chassis.core.journal.JournalException;
import dev.chassis.core.journal.JournalUnavailableException;
import dev.chassis.core.journal.Journal;
import dev.chassis.talk.state.SessionEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a session's events to its journal behind the conversation: {@link #accept} only queues
 * (microseconds); a virtual thread encodes and writes batches. A failed write is retried with backoff
 * and nothing is dropped. {@link #durable()} is how a caller confirms: its future completes once
 * everything accepted so far is in the journal. The writer owns its thread: {@link #close} flushes and
 * stops it.
 *
 * <p>An idle writer sleeps until there is work. A turn may {@link #hold} the wake-up while its path to
 * the model request runs, so that waking the writer costs the turn nothing; {@link #release} wakes it.
 * Holds only defer wake-ups of plain appends: {@link #durable()}, {@link #flush} and {@link #close}
 * always wake the writer, so no confirmation ever waits on a hold. Thread-safe.
 *
 * <p>The owner hears when the journal stops taking events and when it takes them again ({@link Saving}), so
 * that a failing store is said, not silent; events wait in memory meanwhile and are written in order.
 */
public final class JournalWriter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JournalWriter.class);
    private static final int MAX_BATCH = 256;
    private static final long MAX_BACKOFF_NANOS = TimeUnit.SECONDS.toNanos(2);
    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

    private final String sessionId;
    private final Journal journal;
    private final ConcurrentLinkedQueue<Queued> queue = new ConcurrentLinkedQueue<>();
    private final AtomicLong nextSequence;
    private final AtomicInteger holds = new AtomicInteger();
    private final ReentrantLock waitLock = new ReentrantLock();
    private final PriorityQueue<Waiter> waiters = new PriorityQueue<>(); // guarded by waitLock
    private final Thread thread;
    /** Every event with a lower sequence is in the journal. Written only by the writer's thread. */
    private volatile long written;
    private volatile boolean sleeping;
    private volatile boolean closing;
    private final Consumer<Saving> onSaving;
    /** When the current run of failed writes began ({@link System#nanoTime}), or -1 while writes succeed. Writer's thread only. */
    private long failingSince = -1;

    /**
     * What the writer tells its owner, on the writer's thread: the journal refused a write (the first failure of a
     * run; the writer keeps retrying), or took one again after failing for {@code down}. A closed set.
     */
    public sealed interface Saving {
        /** @param problem in plain words (the journal's own message) */
        record Failed(String problem) implements Saving { }

        record Recovered(Duration down) implements Saving { }
    }

    public JournalWriter(String sessionId, Journal journal, long firstSequence) {
        this(sessionId, journal, firstSequence, saving -> { });
    }

    /** A writer that tells {@code onSaving} when the journal fails and recovers (quickly: it runs on the writer's thread). */
    public JournalWriter(String sessionId, Journal journal, long firstSequence, Consumer<Saving> onSaving) {
        this.sessionId = sessionId;
        this.journal = journal;
        this.onSaving = onSaving;
        this.nextSequence = new AtomicLong(firstSequence);
        this.written = firstSequence;
        this.thread = Thread.ofVirtual().name("journal-" + sessionId).unstarted(this::run);
        thread.start();
    }

    private record Queued(long sequence, SessionEvent event) { }

    private record Waiter(long target, CompletableFuture<Void> future) implements Comparable<Waiter> {
        @Override
        public int compareTo(Waiter o) {
            return Long.compare(target, o.target);
        }
    }

    /** Queues an event; called in log order (under the session log's lock). Encoding happens on the writer's thread. */
    public void accept(SessionEvent event) {
        queue.add(new Queued(nextSequence.getAndIncrement(), event));
        if (holds.get() == 0) {
            wake();
        }
    }

    /** Defers the wake-up of events accepted from now on until {@link #release}. For a turn's path; always pair it with release. */
    public void hold() {
        holds.incrementAndGet();
    }

    /** Ends a {@link #hold} and wakes the writer for what was accepted meanwhile. */
    public void release() {
        if (holds.decrementAndGet() < 0) {
            holds.incrementAndGet();
            throw new IllegalStateException("journal writer of session " + sessionId + " released more often than held");
        }
        wake();
    }

    /**
     * A future that completes when every event accepted so far (by any thread, before this call) is in the
     * journal; at once when it already is. It completes on a thread of its own, never the writer's.
     */
    public CompletableFuture<Void> durable() {
        long target = nextSequence.get();
        if (written >= target) {
            return DONE;
        }
        Waiter w = new Waiter(target, new CompletableFuture<>());
        waitLock.lock();
        try {
            waiters.add(w);
        } finally {
            waitLock.unlock();
        }
        // The writer completes waiters after advancing `written`: one registered meanwhile may have been missed.
        if (written >= target) {
            completeWaiters();
        }
        wake();
        return w.future();
    }

    /** Events accepted so far (the next sequence number). */
    public long accepted() {
        return nextSequence.get();
    }

    /** Events in the journal so far (every sequence below this one). */
    public long written() {
        return written;
    }

    /** Waits until every event queued so far is in the journal, or the timeout passes. */
    public boolean flush(Duration timeout) {
        try {
            durable().get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void wake() {
        if (sleeping) {
            LockSupport.unpark(thread);
        }
    }

    private void run() {
        List<Queued> batch = new ArrayList<>();
        List<JournalEntry> encoded = new ArrayList<>();
        int attempt = 0;
        while (true) {
            if (batch.isEmpty() && !take(batch)) {
                if (closing) {
                    return;
                }
                // Announce the sleep, then look again: an event queued meanwhile is either seen here or sees `sleeping`.
                sleeping = true;
                if (queue.isEmpty() && !closing) {
                    LockSupport.park(this);
                }
                sleeping = false;
                continue;
            }
            try {
                write(batch, encoded, attempt);
                written = batch.getLast().sequence() + 1;
                batch.clear();
                encoded.clear();
                attempt = 0;
                completeWaiters();
                if (failingSince >= 0) {
                    Duration down = Duration.ofNanos(System.nanoTime() - failingSince);
                    failingSince = -1;
                    LOG.info("journal of session {} takes events again after {} ms", sessionId, down.toMillis());
                    tell(new Saving.Recovered(down));
                }
            } catch (RuntimeException | Error e) {
                attempt++;
                if (failingSince < 0) {
                    failingSince = System.nanoTime();
                    tell(new Saving.Failed(problem(e)));
                }
                long backoff = Math.min(MAX_BACKOFF_NANOS, TimeUnit.MILLISECONDS.toNanos(10) << Math.min(attempt - 1, 10));
                if (closing) {
                    LOG.error("session {}: {} journal events could not be written before the session closed: {}", sessionId,
                            nextSequence.get() - written, e.getMessage());
                    failWaiters(new JournalException("session " + sessionId + " closed with events not written: " + e.getMessage(), e));
                    return;
                }
                LOG.warn("journal write for session {} failed (attempt {}), retrying in {} ms: {}", sessionId, attempt,
                        TimeUnit.NANOSECONDS.toMillis(backoff), e.getMessage());
                LockSupport.parkNanos(this, backoff);
            }
        }
    }

    /** In plain words: a store fault's reason ("the disk is full"), else the journal's own message. */
    private static String problem(Throwable e) {
        if (e instanceof JournalUnavailableException u && u.reason() != null && !u.reason().isBlank()) {
            return u.reason();
        }
        return e.getMessage() == null || e.getMessage().isBlank() ? "the journal could not be written" : e.getMessage();
    }

    private void tell(Saving saving) {
        try {
            onSaving.accept(saving);
        } catch (RuntimeException e) {
            LOG.warn("session {}: the journal's listener failed on {}: {}", sessionId, saving, e.toString());
        }
    }

    /** Moves up to a batch of queued events into {@code batch}; false when there were none. */
    private boolean take(List<Queued> batch) {
        for (Queued q = queue.poll(); q != null; q = batch.size() < MAX_BATCH ? queue.poll() : null) {
            batch.add(q);
            if (batch.size() >= MAX_BATCH) {
                break;
            }
        }
        return !batch.isEmpty();
    }

    private void write(List<Queued> batch, List<JournalEntry> encoded, int attempt) {
        for (int i = encoded.size(); i < batch.size(); i++) {
            encoded.add(SessionEvent.CODEC.encode(batch.get(i).sequence(), batch.get(i).event()));
        }
        List<JournalEntry> toWrite = attempt == 0 ? encoded : notYetWritten(encoded);
        if (!toWrite.isEmpty()) {
            journal.append(sessionId, toWrite);
        }
    }

    /** A write reported as failed may have reached the journal (a commit whose answer was lost): what it lacks. */
    private List<JournalEntry> notYetWritten(List<JournalEntry> encoded) {
        List<JournalEntry> stored = journal.read(sessionId);
        List<JournalEntry> rest = new ArrayList<>();
        for (JournalEntry e : encoded) {
            if (e.sequence() >= stored.size()) {
                rest.add(e);
            } else if (!stored.get((int) e.sequence()).payload().equals(e.payload())) {
                throw new JournalException("session " + sessionId + " has a different entry " + e.sequence()
                        + " in the journal: another process is writing this session");
            }
        }
        return rest;
    }

    private void completeWaiters() {
        List<CompletableFuture<Void>> ready = null;
        waitLock.lock();
        try {
            long w = written;
            while (!waiters.isEmpty() && waiters.peek().target() <= w) {
                if (ready == null) {
                    ready = new ArrayList<>();
                }
                ready.add(waiters.poll().future());
            }
        } finally {
            waitLock.unlock();
        }
        if (ready != null) {
            // Off the writer's thread: what callers chain on a confirmation must not delay the next write.
            List<CompletableFuture<Void>> done = ready;
            Thread.ofVirtual().name("journal-" + sessionId + "-confirm").start(() -> done.forEach(f -> f.complete(null)));
        }
    }

    private void failWaiters(JournalException e) {
        List<Waiter> all;
        waitLock.lock();
        try {
            all = new ArrayList<>(waiters);
            waiters.clear();
        } finally {
            waitLock.unlock();
        }
        all.forEach(w -> w.future().completeExceptionally(e));
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
        completeWaiters();
        failWaiters(new JournalException("session " + sessionId + " closed with " + (nextSequence.get() - written) + " events not written"));
    }
}
