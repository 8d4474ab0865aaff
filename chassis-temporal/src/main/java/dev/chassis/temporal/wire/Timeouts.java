package dev.chassis.temporal.wire;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a run's calls may take and how often it looks again at what it waits for. Chosen by the worker
 * that prepares a run and recorded with its plan, so every worker replays the run with the same.
 *
 * @param model       one model call (the local engine gives a call two minutes)
 * @param tool        one tool call
 * @param gate        one gate check (a command gate may run a test suite)
 * @param heartbeat   how long a call may go without its worker saying it is alive before it is tried on another
 * @param waitRecheck how long a run waiting for something outside (a wait gate) sleeps, on a durable timer,
 *                    before it looks again; a resume looks at once
 */
public record Timeouts(Duration model, Duration tool, Duration gate, Duration heartbeat, Duration waitRecheck) {

    /** Three minutes a model call, an hour a tool call, thirty minutes a gate, thirty seconds of silence, ten minutes between looks. */
    public static final Timeouts DEFAULTS = new Timeouts(Duration.ofMinutes(3), Duration.ofHours(1), Duration.ofMinutes(30),
            Duration.ofSeconds(30), Duration.ofMinutes(10));

    public Timeouts {
        for (Duration d : new Duration[] {model, tool, gate, heartbeat, waitRecheck}) {
            if (Objects.requireNonNull(d, "timeout").isNegative() || d.isZero()) {
                throw new IllegalArgumentException("timeouts must be positive, was " + d);
            }
        }
    }

    public Timeouts withHeartbeat(Duration d) {
        return new Timeouts(model, tool, gate, d, waitRecheck);
    }

    public Timeouts withWaitRecheck(Duration d) {
        return new Timeouts(model, tool, gate, heartbeat, d);
    }

    public Timeouts withTool(Duration d) {
        return new Timeouts(model, d, gate, heartbeat, waitRecheck);
    }
}
