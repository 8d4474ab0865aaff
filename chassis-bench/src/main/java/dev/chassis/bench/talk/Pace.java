package dev.chassis.bench.talk;

import java.time.Duration;
import java.util.SplittableRandom;

/**
 * How often a simulated person takes a turn: one every {@code mean} on average, counted from the start of one turn to the
 * start of the next, each interval drawn between half and one and a half times the mean. The concurrency driver used to
 * wait the drawn interval after each turn had ended, so its sessions turned every mean plus a turn's length, and what it
 * called "a turn every 15 s" was slower than that.
 *
 * @param mean the mean interval between the starts of two turns of one session
 */
record Pace(Duration mean) {

    Pace {
        if (mean.isNegative() || mean.isZero()) {
            throw new IllegalArgumentException("the pace between turns must be positive, was " + mean);
        }
    }

    /** Nanoseconds to wait from {@code now} until the next turn of a session whose previous turn started at {@code previousStart}. */
    long waitNanos(long previousStart, long now, SplittableRandom random) {
        long interval = (long) (mean.toNanos() * (0.5 + random.nextDouble()));
        return Math.max(0, previousStart + interval - now);
    }

    /** Nanoseconds before a session's first turn, so that sessions opened together do not all turn at once. */
    long firstWaitNanos(SplittableRandom random) {
        return random.nextLong(mean.toNanos());
    }
}
