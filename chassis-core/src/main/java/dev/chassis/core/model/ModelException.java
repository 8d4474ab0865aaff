package dev.chassis.core.model;

import java.time.Duration;
import java.util.Optional;

/**
 * Why a model call failed: a closed set, so that callers decide by an exhaustive {@code switch}.
 * Engines translate every provider or transport error into one of these; a raw exception escaping an
 * engine is a bug in the engine.
 *
 * <pre>{@code
 * switch (e) {
 *     case ModelException.RateLimited r -> sleep(r.retryAfter().orElse(Duration.ofSeconds(1)));
 *     case ModelException.Timeout t -> useFallback();
 *     default -> { if (!e.retryable()) throw e; }
 * }
 * }</pre>
 */
public abstract sealed class ModelException extends RuntimeException
        permits ModelException.Timeout, ModelException.RateLimited, ModelException.ServerError,
                ModelException.StreamBroken, ModelException.MalformedReply, ModelException.Cancelled,
                ModelException.Configuration, ModelException.Unavailable {

    private static final long serialVersionUID = 1L;

    private final String model;

    ModelException(String model, String message, Throwable cause) {
        super(message, cause);
        this.model = model;
    }

    /** The {@link Model#name()} of the engine that failed. */
    public String model() {
        return model;
    }

    /** Whether trying the same call again can succeed. */
    public abstract boolean retryable();

    /** The deadline passed before the reply was complete. */
    public static final class Timeout extends ModelException {
        private static final long serialVersionUID = 1L;
        private final Duration after;

        public Timeout(String model, Duration after) {
            super(model, model + ": no complete reply within " + after.toMillis() + " ms", null);
            this.after = after;
        }

        public Duration after() {
            return after;
        }

        @Override
        public boolean retryable() {
            return true;
        }
    }

    /** The provider refused for rate limits (HTTP 429); {@code retryAfter} when it said how long to wait. */
    public static final class RateLimited extends ModelException {
        private static final long serialVersionUID = 1L;
        private final transient Optional<Duration> retryAfter;

        public RateLimited(String model, Optional<Duration> retryAfter, String detail) {
            super(model, model + ": rate limited" + retryAfter.map(d -> ", retry after " + d.toMillis() + " ms").orElse("")
                    + (detail.isBlank() ? "" : " (" + detail + ")"), null);
            this.retryAfter = retryAfter;
        }

        public Optional<Duration> retryAfter() {
            return retryAfter;
        }

        @Override
        public boolean retryable() {
            return true;
        }
    }

    /** The provider answered with a server error (HTTP 5xx) or an unexpected status. */
    public static final class ServerError extends ModelException {
        private static final long serialVersionUID = 1L;
        private final int status;

        public ServerError(String model, int status, String detail, Throwable cause) {
            super(model, model + ": server error" + (status > 0 ? " " + status : "") + (detail.isBlank() ? "" : ": " + detail), cause);
            this.status = status;
        }

        /** The HTTP status, or 0 when unknown. */
        public int status() {
            return status;
        }

        @Override
        public boolean retryable() {
            return status == 0 || status >= 500 || status == 408;
        }
    }

    /** The connection ended before the reply was complete. {@code partialText} is what arrived. */
    public static final class StreamBroken extends ModelException {
        private static final long serialVersionUID = 1L;
        private final String partialText;

        public StreamBroken(String model, String partialText, Throwable cause) {
            super(model, model + ": stream broken after " + partialText.length() + " characters"
                    + (cause != null && cause.getMessage() != null ? ": " + cause.getMessage() : ""), cause);
            this.partialText = partialText;
        }

        public String partialText() {
            return partialText;
        }

        @Override
        public boolean retryable() {
            return true;
        }
    }

    /** The provider sent something that is not a valid reply (bad JSON, bad event, missing fields). */
    public static final class MalformedReply extends ModelException {
        private static final long serialVersionUID = 1L;

        public MalformedReply(String model, String detail, Throwable cause) {
            super(model, model + ": malformed reply: " + detail, cause);
        }

        @Override
        public boolean retryable() {
            return true;
        }
    }

    /** The caller cancelled the generation; {@code partialText} is what reached the listener. */
    public static final class Cancelled extends ModelException {
        private static final long serialVersionUID = 1L;
        private final String partialText;

        public Cancelled(String model, String partialText) {
            super(model, model + ": cancelled after " + partialText.length() + " characters", null);
            this.partialText = partialText;
        }

        public String partialText() {
            return partialText;
        }

        @Override
        public boolean retryable() {
            return false;
        }
    }

    /**
     * The engine was not reached: the connection was refused, the host is unknown, or a circuit breaker
     * holds calls back after repeated failures. {@code retryAfter} when it is known when to try again.
     */
    public static final class Unavailable extends ModelException {
        private static final long serialVersionUID = 1L;
        private final transient Optional<Duration> retryAfter;

        /** @param reason why, in plain words, after the model's name ({@code "cannot connect (connection refused)"}) */
        public Unavailable(String model, String reason, Optional<Duration> retryAfter, Throwable cause) {
            super(model, model + ": " + reason, cause);
            this.retryAfter = retryAfter;
        }

        public Optional<Duration> retryAfter() {
            return retryAfter;
        }

        @Override
        public boolean retryable() {
            return true;
        }
    }

    /** The engine is misconfigured (missing API key, unknown model, bad URL); the message says what to change. */
    public static final class Configuration extends ModelException {
        private static final long serialVersionUID = 1L;

        public Configuration(String model, String message) {
            super(model, message, null);
        }

        public Configuration(String model, String message, Throwable cause) {
            super(model, message, cause);
        }

        @Override
        public boolean retryable() {
            return false;
        }
    }
}
