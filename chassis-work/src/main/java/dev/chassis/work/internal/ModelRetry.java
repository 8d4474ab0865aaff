package dev.chassis.work.internal;

import dev.chassis.core.model.Completion;
import dev.chassis.core.model.ModelException;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * A model call retried by a Resilience4j {@link Retry}: up to four tries on a failure the engine marks
 * retryable, waiting what a rate-limited provider asked for (its Retry-After) or else backing off
 * exponentially from 200 ms. A failure that is not retryable, or the last one, is thrown as it came.
 * Thread-safe.
 */
final class ModelRetry {

    static final int TRIES = 4;
    static final Duration FIRST_WAIT = Duration.ofMillis(200);

    private final Retry retry;

    ModelRetry(String model) {
        IntervalBiFunction<Completion> wait = (attempt, outcome) -> {
            if (outcome.isLeft() && outcome.getLeft() instanceof ModelException.RateLimited r && r.retryAfter().isPresent()) {
                return r.retryAfter().get().toMillis();
            }
            return FIRST_WAIT.toMillis() << Math.min(attempt - 1, 10);
        };
        this.retry = Retry.of("model " + model, RetryConfig.<Completion>custom().maxAttempts(TRIES)
                .retryOnException(e -> e instanceof ModelException m && m.retryable())
                .intervalBiFunction(wait).build());
    }

    /** The call's completion, after as many tries as it takes (at most four). */
    Completion call(Supplier<Completion> call) {
        return retry.executeSupplier(call);
    }
}
