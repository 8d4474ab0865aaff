package dev.chassis.core.model;

import java.time.Duration;
import java.util.Optional;

/**
 * How long a call took, measured by the engine from the moment {@link Model#stream} was called.
 *
 * @param timeToFirstToken until the first token reached the listener; empty when none did
 * @param total            until the completion
 * @param tokensPerSecond  output tokens per second after the first token (0 when unknown)
 */
public record Timing(Optional<Duration> timeToFirstToken, Duration total, double tokensPerSecond) {

    public Timing {
        if (total.isNegative()) {
            throw new IllegalArgumentException("total must not be negative");
        }
    }
}
