package dev.chassis.temporal.activity;

import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs an activity's body on a virtual thread while the activity's own thread tells Temporal it is alive, three
 * times per heartbeat timeout: a worker that dies stops beating, and its call is tried on another worker without
 * waiting for the call's whole timeout. When the activity is cancelled or its worker shuts down, the body is
 * interrupted.
 */
final class Heartbeats {

    private Heartbeats() {
    }

    static <T> T beating(Callable<T> body) throws Exception {
        ActivityExecutionContext context = Activity.getExecutionContext();
        Duration timeout = context.getInfo().getHeartbeatTimeout();
        long every = timeout == null || timeout.isZero() ? 10_000 : Math.max(50, timeout.toMillis() / 3);
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread worker = Thread.ofVirtual().name("chassis-activity").start(() -> {
            try {
                result.complete(body.call());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        try {
            while (true) {
                try {
                    return result.get(every, TimeUnit.MILLISECONDS);
                } catch (TimeoutException stillRunning) {
                    context.heartbeat(null);
                }
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception x ? x : new IllegalStateException(e.getCause());
        } catch (InterruptedException | RuntimeException e) {
            worker.interrupt();
            throw e;
        }
    }
}
