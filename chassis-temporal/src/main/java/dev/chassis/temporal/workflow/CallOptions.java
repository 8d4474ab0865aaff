package dev.chassis.temporal.workflow;

import dev.chassis.temporal.wire.Timeouts;
import dev.chassis.work.internal.LocalActivities;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import java.time.Duration;

/**
 * The activity options of each kind of call, mapped from how the local engine treats it: a model call is tried
 * up to four times, backing off from 200 ms (or after what a rate-limited provider asked, which the worker passes
 * on) and not again when the failure cannot pass; a tool or gate runs once per idempotency key and is tried again
 * only when its worker went away (a tool's own failure is its result, as on the local engine). Every call
 * heartbeats, so a dead worker is noticed within {@link Timeouts#heartbeat()}.
 */
final class CallOptions {

    /** Tries of a tool or gate call whose worker died or timed out. */
    static final int INFRASTRUCTURE_TRIES = 10;

    private CallOptions() {
    }

    static ActivityOptions prepare(Timeouts t) {
        return ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofMinutes(1))
                .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(INFRASTRUCTURE_TRIES).build()).build();
    }

    static ActivityOptions model(Timeouts t) {
        return ActivityOptions.newBuilder().setStartToCloseTimeout(t.model()).setHeartbeatTimeout(t.heartbeat())
                .setRetryOptions(RetryOptions.newBuilder().setInitialInterval(LocalActivities.MODEL_FIRST_WAIT).setBackoffCoefficient(2)
                        .setMaximumAttempts(LocalActivities.MODEL_TRIES).build()).build();
    }

    static ActivityOptions tool(Timeouts t) {
        return ActivityOptions.newBuilder().setStartToCloseTimeout(t.tool()).setHeartbeatTimeout(t.heartbeat())
                .setRetryOptions(RetryOptions.newBuilder().setInitialInterval(Duration.ofSeconds(1)).setBackoffCoefficient(2)
                        .setMaximumInterval(Duration.ofMinutes(1)).setMaximumAttempts(INFRASTRUCTURE_TRIES).build()).build();
    }

    static ActivityOptions gate(Timeouts t) {
        return ActivityOptions.newBuilder().setStartToCloseTimeout(t.gate()).setHeartbeatTimeout(t.heartbeat())
                .setRetryOptions(RetryOptions.newBuilder().setInitialInterval(Duration.ofSeconds(1)).setBackoffCoefficient(2)
                        .setMaximumInterval(Duration.ofMinutes(1)).setMaximumAttempts(INFRASTRUCTURE_TRIES).build()).build();
    }
}
