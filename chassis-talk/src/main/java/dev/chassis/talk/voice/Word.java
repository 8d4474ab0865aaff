package dev.chassis.talk.voice;

import java.time.Duration;
import java.util.Objects;

/**
 * One word of recognised or synthesised speech with where it sits in its audio stream.
 *
 * @param text  the word as written
 * @param start from the start of the stream to the word's first sound
 * @param end   from the start of the stream to the word's last sound
 */
public record Word(String text, Duration start, Duration end) {

    public Word {
        Objects.requireNonNull(text, "text");
        if (start.isNegative() || end.compareTo(start) < 0) {
            throw new IllegalArgumentException("word '" + text + "' must end after it starts: " + start + ".." + end);
        }
    }

    /** A word from millisecond offsets. */
    public static Word ofMillis(String text, long startMs, long endMs) {
        return new Word(text, Duration.ofMillis(startMs), Duration.ofMillis(Math.max(startMs, endMs)));
    }

    /** This word moved later by {@code offset} (a segment's words placed on the stream's clock). */
    public Word shifted(Duration offset) {
        return new Word(text, start.plus(offset), end.plus(offset));
    }
}
