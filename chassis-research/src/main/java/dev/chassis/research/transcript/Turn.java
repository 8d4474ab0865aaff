package dev.chassis.research.transcript;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One turn of a transcript: its 1-based number within the session, the speaker, the exact text, and,
 * for live sessions, when it started (offset from the session's start). Immutable.
 *
 * @param number  1-based position in the transcript; quotes cite it
 * @param speaker who spoke
 * @param text    what was said, verbatim (never rewritten: quotes are checked against it)
 * @param at      offset from the start of the session, when known
 */
public record Turn(int number, Speaker speaker, String text, Optional<Duration> at) {

    public Turn {
        if (number < 1) {
            throw new IllegalArgumentException("turn number must be 1 or more, was " + number);
        }
        Objects.requireNonNull(speaker, "speaker");
        Objects.requireNonNull(text, "text");
        at = Objects.requireNonNullElse(at, Optional.empty());
        if (at.isPresent() && at.get().isNegative()) {
            throw new IllegalArgumentException("turn offset must not be negative, was " + at.get());
        }
    }

    public static Turn of(int number, Speaker speaker, String text) {
        return new Turn(number, speaker, text, Optional.empty());
    }

    public boolean byParticipant() {
        return speaker == Speaker.PARTICIPANT;
    }
}
