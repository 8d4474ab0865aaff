package dev.chassis.talk;

import dev.chassis.talk.voice.Prosody;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A finished user turn, as the channel saw it.
 *
 * @param text         what the person said
 * @param replyDelay   how long they took to start speaking after the agent finished, if known
 * @param endedAtNanos when they stopped ({@link System#nanoTime()}): the first-token deadline counts from here
 * @param prosody      how it was spoken, when it was (pitch, loudness, pace), for the monitors
 */
public record Utterance(String text, Optional<Duration> replyDelay, long endedAtNanos, Optional<Prosody.Summary> prosody) {

    public Utterance {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(replyDelay, "replyDelay");
        Objects.requireNonNull(prosody, "prosody");
    }

    /** A typed (or unmeasured) utterance. */
    public Utterance(String text, Optional<Duration> replyDelay, long endedAtNanos) {
        this(text, replyDelay, endedAtNanos, Optional.empty());
    }

    /** An utterance that ended now. */
    public static Utterance of(String text) {
        return new Utterance(text, Optional.empty(), System.nanoTime());
    }

    /** An utterance that ended now, after the person took {@code replyDelay} to start. */
    public static Utterance of(String text, Duration replyDelay) {
        return new Utterance(text, Optional.of(replyDelay), System.nanoTime());
    }
}
