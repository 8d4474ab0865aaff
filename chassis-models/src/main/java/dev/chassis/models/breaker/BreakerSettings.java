package dev.chassis.models.breaker;

import java.time.Duration;

/**
 * When a {@link CircuitBreakingModel} stops calling its engine and when it tries again. Immutable; change a
 * copy with the {@code withX} methods.
 *
 * @param window          how many of the latest calls the failure rate is computed over
 * @param minimumCalls    how many calls there must be before the breaker may open
 * @param failureRate     the share of failed calls (0-1, exclusive of 0) at or above which it opens
 * @param openFor         how long it stays open before probing
 * @param probes          how many calls it lets through while probing; all must succeed to close it again
 */
public record BreakerSettings(int window, int minimumCalls, double failureRate, Duration openFor, int probes) {

    public BreakerSettings {
        if (window < 1) {
            throw new IllegalArgumentException("window must be at least 1, was " + window);
        }
        if (minimumCalls < 1 || minimumCalls > window) {
            throw new IllegalArgumentException("minimumCalls must be between 1 and the window (" + window + "), was " + minimumCalls);
        }
        if (!(failureRate > 0 && failureRate <= 1)) {
            throw new IllegalArgumentException("failureRate must be above 0 and at most 1, was " + failureRate);
        }
        if (openFor == null || openFor.isNegative() || openFor.isZero()) {
            throw new IllegalArgumentException("openFor must be positive, was " + openFor);
        }
        if (probes < 1) {
            throw new IllegalArgumentException("probes must be at least 1, was " + probes);
        }
    }

    /**
     * Opens when half of the last 20 calls failed (at least 10 made), for 30 s, then lets 3 calls probe. A
     * provider failing a fifth of its calls at random stays closed; one that is down opens after ten calls.
     */
    public static BreakerSettings defaults() {
        return new BreakerSettings(20, 10, 0.5, Duration.ofSeconds(30), 3);
    }

    public BreakerSettings withWindow(int calls, int minimum) {
        return new BreakerSettings(calls, minimum, failureRate, openFor, probes);
    }

    public BreakerSettings withFailureRate(double rate) {
        return new BreakerSettings(window, minimumCalls, rate, openFor, probes);
    }

    public BreakerSettings withOpenFor(Duration d) {
        return new BreakerSettings(window, minimumCalls, failureRate, d, probes);
    }

    public BreakerSettings withProbes(int n) {
        return new BreakerSettings(window, minimumCalls, failureRate, openFor, n);
    }
}
