package dev.chassis.talk.internal;

import dev.chassis.talk.monitor.MonitorRunner;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Waiting for what runs behind a session's turns, in the order it starts: what the latest turn starts once its request is
 * on the wire and answered ({@link Behind}), then the monitors it dispatched, then indexing and compaction on the session's background executor.
 * Stateless.
 */
final class Settling {

    private Settling() {
    }

    /**
     * Waits up to {@code timeout} in all for {@code behind}, {@code monitors} and {@code background} to be idle.
     *
     * @return whether all of it ended in time (a closed background executor has nothing left to run)
     */
    static boolean await(CompletableFuture<Void> behind, MonitorRunner monitors, ExecutorService background, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            behind.get(timeout.toNanos(), TimeUnit.NANOSECONDS);   // the monitors of a turn still being sent start first
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            // it failed to start: nothing behind the turn is running
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        if (!monitors.awaitIdle(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())))) {
            return false;
        }
        // Indexing and compaction run in order on the background executor: a marker queued now runs after them.
        CompletableFuture<Void> caughtUp = new CompletableFuture<>();
        try {
            background.execute(() -> caughtUp.complete(null));
            caughtUp.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            return true;
        } catch (RejectedExecutionException closed) {
            return true; // closed: nothing runs behind it any more
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
