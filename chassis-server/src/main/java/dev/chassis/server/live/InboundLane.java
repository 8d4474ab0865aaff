package dev.chassis.server.live;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;

/**
 * Work a connection's handler hands over, done one item at a time in the order it came, on the lane's own virtual
 * thread: the handler returns at once however slow the work is (a session's audio through voice activity detection and
 * recognition falls behind on a loaded machine, and a WebSocket's handler must not wait for it). Bounded: while
 * {@code capacity} items wait, {@link #offer} refuses the next one and says so, rather than blocking the connection or
 * holding an ever longer backlog. Owns its thread, which waits without polling; close it. Thread-safe.
 *
 * @param <T> the items
 */
final class InboundLane<T> implements AutoCloseable {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(InboundLane.class);

    /** Put last by {@link #close()}: the thread, waiting for an item, stops at it. */
    private static final Object END = new Object();

    private final BlockingQueue<Object> queue;
    private final int capacity;
    private final Consumer<T> work;
    private final Thread thread;
    private volatile boolean closed;

    /**
     * @param name     the thread's name (a session's, in thread dumps)
     * @param capacity items that may wait; at least 1
     * @param work     what is done with each item, on the lane's thread; what it throws is logged and the lane goes on
     * @throws IllegalArgumentException for a capacity below 1
     */
    InboundLane(String name, int capacity, Consumer<T> work) {
        if (capacity < 1) {
            throw new IllegalArgumentException("an inbound lane needs room for at least one item, not " + capacity);
        }
        this.queue = new LinkedBlockingQueue<>();   // bounded by offer; add and END may go over
        this.capacity = capacity;
        this.work = work;
        this.thread = Thread.ofVirtual().name(name).start(this::drain);
    }

    /**
     * Queues an item behind those before it; never blocks.
     *
     * @return false when it was not queued: the lane is full (its work is that far behind) or closed
     */
    boolean offer(T item) {
        if (closed || queue.size() >= capacity) {
            return false;
        }
        return queue.offer(item);
    }

    /**
     * Queues an item behind those before it even when the lane is full: for the few that must not be lost (a connection
     * leaving, after its audio); never blocks. Dropped once closed.
     */
    void add(T item) {
        if (!closed) {
            queue.add(item);
        }
    }

    /** Items waiting now. */
    int waiting() {
        return queue.size();
    }

    @SuppressWarnings("unchecked")
    private void drain() {
        try {
            while (true) {
                Object next = queue.take();
                if (next == END || closed) {
                    return;
                }
                try {
                    work.accept((T) next);
                } catch (RuntimeException e) {
                    LOG.error("{}: an item failed; the lane goes on with the next", Thread.currentThread().getName(), e);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Stops the lane: the items still waiting are dropped, the one being worked on finishes (this does not wait for it).
     */
    @Override
    public void close() {
        closed = true;
        queue.clear();
        queue.add(END);
    }

    /** Whether its thread has stopped (for tests: closing does not wait for it). */
    boolean stopped() {
        return !thread.isAlive();
    }
}
