package dev.chassis.core.model;

import java.util.concurrent.CompletableFuture;

/**
 * A reply being generated: cancel it, or wait for its {@link Completion}.
 *
 * <p>Thread-safe. {@link #cancel()} may be called at any time, from any thread, any number of times:
 * before the first token (the engine must not deliver one), mid-stream (no further tokens reach the
 * listener) or after completion (no effect).
 */
public interface Generation {

    /** Stops the generation; the result fails with {@link ModelException.Cancelled} unless already done. */
    void cancel();

    /** Completes with the whole reply, or exceptionally with a {@link ModelException}. */
    CompletableFuture<Completion> result();

    /**
     * Completes once the request is on the wire (its whole body handed to the connection), or the generation has ended,
     * whichever comes first; at once for an engine without a wire. What would compete for the CPU with sending the request
     * (monitors, indexing) waits for it.
     */
    default CompletableFuture<Void> sent() {
        return CompletableFuture.completedFuture(null);
    }

    /** Waits for the reply; throws the {@link ModelException} it failed with. */
    default Completion join() {
        try {
            return result().join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof ModelException me) {
                throw me;
            }
            throw e;
        }
    }
}
