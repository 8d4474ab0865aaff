package dev.chassis.core.event;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Events of one model call, tied together by {@code callId}. */
public sealed interface ModelEvent extends Event {

    String callId();

    String model();

    /** The call was sent. */
    record Started(Instant at, String callId, String model, int messages, int tools) implements ModelEvent { }

    /** The first token reached the listener. */
    record FirstToken(Instant at, String callId, String model, Duration timeToFirstToken) implements ModelEvent { }

    /**
     * The call completed.
     *
     * @param responseModel  the model that answered, as the provider named it
     * @param estimatedUsage whether the token counts are estimated here (the provider reported none)
     */
    record Finished(Instant at, String callId, String model, Optional<Duration> timeToFirstToken, Duration total,
                    int inputTokens, int outputTokens, double tokensPerSecond, String finishReason, String responseModel,
                    boolean estimatedUsage) implements ModelEvent { }

    /** The call failed; {@code failure} is the failure's simple type name (Timeout, RateLimited...). */
    record Failed(Instant at, String callId, String model, Duration after, String failure, String message,
                  boolean retryable) implements ModelEvent { }
}
