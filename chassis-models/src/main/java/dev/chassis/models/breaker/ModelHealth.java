package dev.chassis.models.breaker;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How an engine behind a {@link CircuitBreakingModel} is doing.
 *
 * @param model     the engine's name
 * @param condition where its breaker stands
 * @param problem   what is wrong, in plain words; empty when {@link Condition#HEALTHY}
 * @param since     when it came to this condition
 */
public record ModelHealth(String model, Condition condition, Optional<String> problem, Instant since) {

    /** Where an engine's breaker stands. */
    public enum Condition {
        /** Calls go through and the last one succeeded (or none was made yet). */
        HEALTHY,
        /** Calls go through, but the last one failed. */
        FAILING,
        /** Calls are not made: too many failed; they are tried again after a wait. */
        OPEN,
        /** After the wait, a few calls go through to see whether the engine is back. */
        PROBING
    }

    public ModelHealth {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(since, "since");
    }

    public boolean healthy() {
        return condition == Condition.HEALTHY;
    }
}
