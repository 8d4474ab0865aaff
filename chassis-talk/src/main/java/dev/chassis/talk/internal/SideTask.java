package dev.chassis.talk.internal;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * A piece of a turn's path that needs nothing the rest of the path makes until it joins it (the take-over guard and
 * keyword recall read only the words), run on another core while the turn's thread goes on, so the two cost the person
 * the longer of them rather than their sum. Whichever thread comes first runs it: when the turn's thread needs the answer
 * and no other thread has begun (every core busy, as with thousands of sessions), it runs it itself, so it never waits for
 * a thread to be scheduled; it waits only for a run already under way. A failure is the caller's, thrown by
 * {@link #join}. One use.
 *
 * @param <T> what it answers
 */
final class SideTask<T> {

    private static final int NEW = 0;
    private static final int RUNNING = 1;
    private static final int DONE = 2;

    private final Supplier<T> work;
    private final AtomicInteger state = new AtomicInteger(NEW);
    private volatile Thread waiter;
    private T value;          // written before state becomes DONE, read after
    private Throwable failure;

    private SideTask(Supplier<T> work) {
        this.work = work;
    }

    /** Starts {@code work} on a virtual thread; {@link #join} has its answer. */
    static <T> SideTask<T> start(Supplier<T> work) {
        SideTask<T> task = new SideTask<>(work);
        Thread.ofVirtual().name("turn-side-task").start(task::runIfFirst);
        return task;
    }

    /** The answer, computed here if no other thread has begun it. */
    T join() {
        if (!runIfFirst()) {
            waiter = Thread.currentThread();
            // A run under way on another core ends within the time of its own work (tens to hundreds of microseconds):
            // spinning a little answers sooner than parking, whose wake-up alone costs about as much.
            for (int spins = 0; state.get() != DONE; spins++) {
                if (spins < 256) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.parkNanos(this, 50_000);
                }
            }
        }
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        return value;
    }

    private boolean runIfFirst() {
        if (!state.compareAndSet(NEW, RUNNING)) {
            return false;
        }
        try {
            value = work.get();
        } catch (RuntimeException | Error e) {
            failure = e;   // the joining thread throws it; the state must still become DONE, or join would wait forever
        }
        state.set(DONE);
        Thread w = waiter;
        if (w != null) {
            LockSupport.unpark(w);
        }
        return true;
    }
}
