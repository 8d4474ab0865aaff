package dev.chassis.talk.internal;

import dev.chassis.core.time.Timers;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The first-token deadline as a step of every turn, chosen once when the harness is built: {@link Armed} while
 * the {@code DEADLINE} feature is on, {@link Off} otherwise, so a turn arms whichever it was given and tests no flag.
 */
public sealed interface FirstTokenDeadline {

    /** How long before the deadline a remedy starts, so that its first words are out by the deadline itself. */
    Duration LEAD = Duration.ofMillis(60);

    /**
     * Schedules {@code remedy} for a reply whose person finished speaking at {@code endOfTurnNanos}.
     *
     * @return what cancels it when the reply begins or ends first
     */
    Future<?> arm(long endOfTurnNanos, Runnable remedy);

    /** The deadline said in events and the journal when it is missed. */
    Duration limit();

    static FirstTokenDeadline of(boolean on, Duration limit) {
        return on ? new Armed(limit) : new Off(limit);
    }

    /** The person waits however long the model takes. */
    record Off(Duration limit) implements FirstTokenDeadline {
        private static final Future<?> NOTHING = CompletableFuture.completedFuture(null);

        @Override
        public Future<?> arm(long endOfTurnNanos, Runnable remedy) {
            return NOTHING;
        }
    }

    /** A bridge or a hand-over starts {@link #LEAD} before the deadline when the model has said nothing yet. */
    record Armed(Duration limit) implements FirstTokenDeadline {
        @Override
        public Future<?> arm(long endOfTurnNanos, Runnable remedy) {
            long delay = Math.max(0, endOfTurnNanos + limit.toNanos() - LEAD.toNanos() - System.nanoTime());
            return Timers.shared().schedule(remedy, delay, TimeUnit.NANOSECONDS);
        }
    }
}
