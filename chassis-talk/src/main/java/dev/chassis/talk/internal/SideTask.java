package dev.chassis.talk.internal;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A piece of a turn's path that needs nothing the rest of the path makes until it joins it (the take-over guard and
 * keyword recall read only the words), run on another core while the turn's thread goes on, so the two cost the person
 * the longer of them rather than their sum. The turn's thread never waits for another thread: when it needs the answer
 * and no other thread has begun (every core busy, as with thousands of sessions) it runs the work itself, and when a run
 * begun elsewhere has not ended after a short spin (that thread may have lost its core) it runs the work again itself.
 * So the work must be a pure read whose answers are interchangeable. A failure is the caller's, thrown by {@link #join}.
 * One use.
 *
 * @param <T> what it answers
 */
final class SideTask<T> {

    private static final int NEW = 0;
    private static final int RUNNING = 1;
    private static final int DONE = 2;
    /** About 10-30 us: what is left of a run that began well before the join, on a core that kept it. */
    private static final int SPINS = 256;

    private final Supplier<T> work;
    private final AtomicInteger state = new AtomicInteger(NEW);
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

    /** The answer: the other thread's if it has ended, else computed here. */
    T join() {
        if (!runIfFirst()) {
            for (int i = 0; i < SPINS && state.get() != DONE; i++) {
                Thread.onSpinWait();
            }
            if (state.get() != DONE) {
                return work.get();   // the run elsewhere is late: not waited for
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
            failure = e;   // the joining thread throws it
        }
        state.set(DONE);
        return true;
    }
}
