package dev.chassis.core.tool;

import java.time.Duration;
import java.util.Objects;

/**
 * At most {@code permits} calls per {@code per} to tools whose name matches {@code toolGlob}; a call over
 * it waits for the next permit. Part of a {@link ToolPolicy}.
 *
 * @param toolGlob tool name with {@code *} and {@code ?} wildcards
 */
public record RateLimit(String toolGlob, int permits, Duration per) {

    public RateLimit {
        if (toolGlob == null || toolGlob.isBlank()) {
            throw new IllegalArgumentException("a rate limit needs a tool name or glob");
        }
        Objects.requireNonNull(per, "per");
        if (permits < 1 || per.isNegative() || per.isZero()) {
            throw new IllegalArgumentException("a rate limit needs at least 1 call over a positive time, was " + permits + " per " + per);
        }
    }

    /** For messages: {@code send_* 2 per PT1M}. */
    public String describe() {
        return toolGlob + " " + permits + " per " + per;
    }
}
