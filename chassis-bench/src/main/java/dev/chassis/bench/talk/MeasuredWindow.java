package dev.chassis.bench.talk;

import java.time.Duration;

/**
 * The span a concurrency driver measures over: it starts when the driver says so (once every session is open), not when
 * the driver was built, so that a slow opening under load does not use up the window before a single turn is taken.
 * Until {@link #start()} it is open, so a session waiting to be measured is never told the run is over.
 */
final class MeasuredWindow {

    private final long lengthNanos;
    private volatile long endNanos = Long.MAX_VALUE;

    MeasuredWindow(Duration length) {
        this.lengthNanos = length.toNanos();
    }

    /** The window runs from now for its length. */
    void start() {
        endNanos = System.nanoTime() + lengthNanos;
    }

    /** True until the window's length has passed since {@link #start()}. */
    boolean open() {
        return System.nanoTime() < endNanos;
    }
}
