package dev.chassis.research.eval;

import dev.chassis.core.input.InvalidInputException;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How slow the engine is made during an evaluation: a share of turns whose first token is late by a
 * fixed time, as real providers are now and then. Written {@code 20%:3s} or {@code 20%:1500ms};
 * {@code none} for an engine left as it is.
 */
public record LatencyProfile(double lateShare, Duration lateBy) {

    public static final LatencyProfile NONE = new LatencyProfile(0, Duration.ZERO);
    /** Late often enough, and by enough, that a first-token deadline matters: one turn in five, 1.5 s late. */
    public static final LatencyProfile DEFAULT = new LatencyProfile(0.2, Duration.ofMillis(1500));

    private static final Pattern FORM = Pattern.compile("(\\d{1,3})%:(\\d+)(ms|s)");

    public LatencyProfile {
        if (lateShare < 0 || lateShare > 1) {
            throw new IllegalArgumentException("lateShare must be between 0 and 1, was " + lateShare);
        }
        if (lateBy.isNegative()) {
            throw new IllegalArgumentException("lateBy must not be negative");
        }
    }

    /** Parses {@code 20%:3s}, {@code 10%:800ms} or {@code none}. */
    public static LatencyProfile parse(String text) {
        String t = text.strip();
        if (t.equals("none")) {
            return NONE;
        }
        Matcher m = FORM.matcher(t);
        int share = m.matches() ? Integer.parseInt(m.group(1)) : -1;
        if (share < 0 || share > 100) {
            throw new InvalidInputException("", 0, "--late", "'" + text + "' is not a latency profile; write a share and a delay, for example 20%:3s or 10%:800ms, or none");
        }
        long amount = Long.parseLong(m.group(2));
        return new LatencyProfile(share / 100.0, m.group(3).equals("s") ? Duration.ofSeconds(amount) : Duration.ofMillis(amount));
    }

    @Override
    public String toString() {
        return lateShare == 0 ? "none" : Math.round(lateShare * 100) + "% of turns " + lateBy.toMillis() + " ms late";
    }
}
