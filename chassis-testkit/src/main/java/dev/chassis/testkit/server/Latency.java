package dev.chassis.testkit.server;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * A delay, fixed or drawn from a distribution with the server's seeded random source.
 *
 * <pre>{@code
 * Latency.fixed(Duration.ofMillis(200));
 * Latency.normal(Duration.ofMillis(300), Duration.ofMillis(50));
 * Latency.logNormal(Duration.ofMillis(250), 0.5);   // long tail
 * }</pre>
 */
public sealed interface Latency {

    Duration sample(RandomGenerator random);

    static Latency none() {
        return new Fixed(Duration.ZERO);
    }

    static Latency fixed(Duration d) {
        return new Fixed(d);
    }

    static Latency uniform(Duration min, Duration max) {
        return new Uniform(min, max);
    }

    static Latency normal(Duration mean, Duration standardDeviation) {
        return new Normal(mean, standardDeviation);
    }

    static Latency logNormal(Duration median, double sigma) {
        return new LogNormal(median, sigma);
    }

    record Fixed(Duration value) implements Latency {
        public Fixed {
            requireNonNegative(value, "latency");
        }

        @Override
        public Duration sample(RandomGenerator random) {
            return value;
        }
    }

    record Uniform(Duration min, Duration max) implements Latency {
        public Uniform {
            requireNonNegative(min, "min");
            requireNonNegative(max, "max");
            if (max.compareTo(min) < 0) {
                throw new IllegalArgumentException("max " + max + " is below min " + min);
            }
        }

        @Override
        public Duration sample(RandomGenerator random) {
            long span = max.toNanos() - min.toNanos();
            return min.plusNanos(span == 0 ? 0 : random.nextLong(span + 1));
        }
    }

    record Normal(Duration mean, Duration standardDeviation) implements Latency {
        public Normal {
            requireNonNegative(mean, "mean");
            requireNonNegative(standardDeviation, "standardDeviation");
        }

        @Override
        public Duration sample(RandomGenerator random) {
            double nanos = mean.toNanos() + random.nextGaussian() * standardDeviation.toNanos();
            return Duration.ofNanos(Math.max(0, (long) nanos));
        }
    }

    record LogNormal(Duration median, double sigma) implements Latency {
        public LogNormal {
            requireNonNegative(median, "median");
            if (sigma < 0) {
                throw new IllegalArgumentException("sigma must not be negative");
            }
        }

        @Override
        public Duration sample(RandomGenerator random) {
            return Duration.ofNanos((long) (median.toNanos() * Math.exp(sigma * random.nextGaussian())));
        }
    }

    private static void requireNonNegative(Duration d, String what) {
        Objects.requireNonNull(d, what);
        if (d.isNegative()) {
            throw new IllegalArgumentException(what + " must not be negative, was " + d);
        }
    }
}
