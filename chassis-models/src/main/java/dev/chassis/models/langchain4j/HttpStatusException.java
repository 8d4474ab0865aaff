package dev.chassis.models.langchain4j;

import dev.langchain4j.exception.HttpException;
import java.time.Duration;
import java.util.Optional;

/**
 * An HTTP error that keeps what LangChain4j's own exception drops: the Retry-After header.
 * LangChain4j wraps it (for example in a {@code RateLimitException}); the bridge finds it in the
 * cause chain.
 */
final class HttpStatusException extends HttpException {

    private static final long serialVersionUID = 1L;
    private final transient Optional<Duration> retryAfter;

    HttpStatusException(int status, String body, Optional<Duration> retryAfter) {
        super(status, body);
        this.retryAfter = retryAfter;
    }

    Optional<Duration> retryAfter() {
        return retryAfter;
    }

    /** Reads a Retry-After header in its delta-seconds form; an HTTP date is ignored. */
    static Optional<Duration> parseRetryAfter(Optional<String> header) {
        if (header.isEmpty()) {
            return Optional.empty();
        }
        try {
            double seconds = Double.parseDouble(header.get().trim());
            return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofMillis((long) (seconds * 1000)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
