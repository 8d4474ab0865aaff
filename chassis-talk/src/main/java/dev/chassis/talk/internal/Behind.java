package dev.chassis.talk.internal;

import dev.chassis.core.time.Timers;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * When what runs behind a turn's request (the monitors on the turn, indexing for recall, the journal's writing) starts:
 * once the request is on the wire and then the model has answered (its first words, the end of its reply, or the
 * first-token deadline's remedy), or {@link #GRACE} after the request went out, whichever comes first.
 *
 * <p>Why not as soon as the request is on the wire: the server that reads it may share the cores (a model served on the
 * same machine, or the benchmarks' loopback server). Started at the write, the monitors, MiniLM and the journal took the
 * cores of a two-core machine for milliseconds while the server's thread, woken by the write, waited for one (in the slow
 * turns of {@code WireTurnDriver}'s trace the server's thread was runnable without a core for most of the wait while the
 * carriers of these virtual threads ran). Once the server has answered it has read the request. A remote provider answers
 * after hundreds of milliseconds, so there the grace starts them a few milliseconds later than before, still inside the
 * wait for its first words. Stateless.
 */
final class Behind {

    /** Well beyond the time a server with a free core takes to read a request (under a millisecond), well inside a remote model's first words. */
    static final Duration GRACE = Duration.ofMillis(10);

    private Behind() {
    }

    /**
     * Runs {@code work} on {@code executor} as said above; on the caller's thread when that executor is closed (the session
     * closed meanwhile: {@code work} then does nothing).
     *
     * @return completes when {@code work} has run
     */
    static CompletableFuture<Void> start(CompletableFuture<Void> onWire, CompletableFuture<Void> answered, Runnable work,
                                         ExecutorService executor) {
        CompletableFuture<Void> go = new CompletableFuture<>();
        answered.whenComplete((ok, e) -> go.complete(null));
        onWire.whenComplete((ok, e) -> {
            if (!go.isDone()) {
                ScheduledFuture<?> grace = Timers.shared().schedule(() -> go.complete(null), GRACE.toNanos(), TimeUnit.NANOSECONDS);
                go.whenComplete((a, b) -> grace.cancel(false)); // answered first: the timer's queue does not keep it
            }
        });
        return onWire.handle((ok, e) -> null).thenCombine(go, (a, b) -> a).thenRunAsync(work, task -> {
            try {
                executor.execute(task);
            } catch (RejectedExecutionException closed) {
                task.run();
            }
        });
    }
}
