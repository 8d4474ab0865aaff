package dev.chassis.core.time;

import java.time.Duration;
import java.util.Objects;

/**
 * A point in monotonic time ({@link System#nanoTime()}) by which something must be done.
 *
 * <p>Immutable and thread-safe. Monotonic so that wall-clock jumps never fire or suspend a deadline.
 *
 * <pre>{@code
 * Deadline d = Deadline.in(Duration.ofMillis(800));
 * if (d.isExpired()) { ... }
 * }</pre>
 */
public final class Deadline {
    private static final Deadline NONE = new Deadline(Long.MAX_VALUE, true);

    private final long atNanos;
    private final boolean unbounded;

    private Deadline(long atNanos, boolean unbounded) {
        this.atNanos = atNanos;
        this.unbounded = unbounded;
    }

    /** A deadline {@code timeout} from now; {@code timeout} must not be negative. */
    public static Deadline in(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must not be negative: " + timeout);
        }
        return at(System.nanoTime(), timeout);
    }

    /** A deadline {@code timeout} after the {@link System#nanoTime()} reading {@code startNanos}. */
    public static Deadline at(long startNanos, Duration timeout) {
        long nanos = saturatedNanos(timeout);
        long at = startNanos + nanos;
        if (nanos > 0 && at < startNanos) {
            return NONE;
        }
        return new Deadline(at, false);
    }

    /** A deadline that never expires. */
    public static Deadline none() {
        return NONE;
    }

    /** Whether this deadline never expires. */
    public boolean isUnbounded() {
        return unbounded;
    }

    /** Time left, never negative; {@link Duration#ofSeconds(long)} of {@code Long.MAX_VALUE} nanos when unbounded. */
    public Duration remaining() {
        if (unbounded) {
            return Duration.ofNanos(Long.MAX_VALUE);
        }
        return Duration.ofNanos(Math.max(0, atNanos - System.nanoTime()));
    }

    /** Whether the deadline has passed. */
    public boolean isExpired() {
        return !unbounded && System.nanoTime() - atNanos >= 0;
    }

    /** The earlier of this and {@code other}. */
    public Deadline min(Deadline other) {
        if (unbounded) return other;
        if (other.unbounded) return this;
        return atNanos - other.atNanos <= 0 ? this : other;
    }

    /** The {@link System#nanoTime()} value at which this deadline expires; {@code Long.MAX_VALUE} when unbounded. */
    public long atNanos() {
        return atNanos;
    }

    private static long saturatedNanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    @Override
    public String toString() {
        return unbounded ? "Deadline[none]" : "Deadline[in " + remaining().toMillis() + " ms]";
    }
}
