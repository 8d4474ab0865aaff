package dev.chassis.models.offline;

import java.time.Duration;
import java.util.Objects;

/**
 * How fast the offline engine streams: a delay before the first token, then one between tokens.
 *
 * @param firstToken delay from the call to the first token
 * @param perToken   delay between tokens
 */
public record Pacing(Duration firstToken, Duration perToken) {

    /** No delays: for tests and batch work. */
    public static final Pacing INSTANT = new Pacing(Duration.ZERO, Duration.ZERO);

    /** Roughly a fast hosted model: 150 ms to first token, then about 60 tokens/s. */
    public static final Pacing LIVELY = new Pacing(Duration.ofMillis(150), Duration.ofMillis(16));

    public Pacing {
        Objects.requireNonNull(firstToken, "firstToken");
        Objects.requireNonNull(perToken, "perToken");
        if (firstToken.isNegative() || perToken.isNegative()) {
            throw new IllegalArgumentException("pacing delays must not be negative");
        }
    }

    public static Pacing of(Duration firstToken, Duration perToken) {
        return new Pacing(firstToken, perToken);
    }
}
