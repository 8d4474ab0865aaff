package dev.chassis.talk.voice;

import java.time.Duration;
import java.util.Optional;

/**
 * Why a speech engine failed: a closed set, so that callers decide by an exhaustive {@code switch}. Adapters
 * translate every provider, transport and native error into one of these; the message is plain words naming the
 * engine, fit for a log and for the console.
 */
public abstract sealed class SpeechException extends RuntimeException
        permits SpeechException.Unavailable, SpeechException.Refused, SpeechException.RateLimited,
                SpeechException.ServerError, SpeechException.Broken {

    private static final long serialVersionUID = 1L;

    private final String engine;

    SpeechException(String engine, String message, Throwable cause) {
        super(engine + ": " + message, cause);
        this.engine = engine;
    }

    /** The engine that failed, as configured ({@code pocketsphinx}, {@code deepgram:nova-3}...). */
    public String engine() {
        return engine;
    }

    /** Whether trying again can succeed. */
    public abstract boolean retryable();

    /** The engine cannot be reached or is not installed (connection refused, native library missing). */
    public static final class Unavailable extends SpeechException {
        private static final long serialVersionUID = 1L;

        public Unavailable(String engine, String message, Throwable cause) {
            super(engine, message, cause);
        }

        @Override
        public boolean retryable() {
            return true;
        }
    }

    /** The provider refused the request (a bad key, a bad request): trying again changes nothing. */
    public static final class Refused extends SpeechException {
        private static final long serialVersionUID = 1L;
        private final int status;

        public Refused(String engine, int status, String message) {
            super(engine, message, null);
            this.status = status;
        }

        /** The HTTP status, or 0 when there was none. */
        public int status() {
            return status;
        }

        @Override
        public boolean retryable() {
            return false;
        }
    }

    /** The provider asked to slow down (HTTP 429); {@code retryAfter} when it said how long. */
    public static final class RateLimited extends SpeechException {
        private static final long serialVersionUID = 1L;
        private final transient Optional<Duration> retryAfter;

        public RateLimited(String engine, Optional<Duration> retryAfter) {
            super(engine, "rate limited" + retryAfter.map(d -> ", retry after " + d.toMillis() + " ms").orElse(""), null);
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

    /** The provider failed on its side (HTTP 5xx). */
    public static final class ServerError extends SpeechException {
        private static final long serialVersionUID = 1L;

        public ServerError(String engine, int status, String detail) {
            super(engine, "server error " + status + (detail.isBlank() ? "" : " (" + detail + ")"), null);
        }

        @Override
        public boolean retryable() {
            return true;
        }
    }

    /** The stream broke or carried something unreadable part way (a dropped connection, a malformed message, a timeout). */
    public static final class Broken extends SpeechException {
        private static final long serialVersionUID = 1L;

        public Broken(String engine, String message, Throwable cause) {
            super(engine, message, cause);
        }

        @Override
        public boolean retryable() {
            return true;
        }
    }
}
