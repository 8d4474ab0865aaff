package dev.chassis.bench;

import java.util.Arrays;
import java.util.List;

/** Percentiles of latency samples in nanoseconds, printed in milliseconds: what every benchmark driver reports. Immutable. */
public final class Percentiles {

    private final long[] sorted;

    public Percentiles(List<Long> nanos) {
        this.sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    public int count() {
        return sorted.length;
    }

    public double percentileMillis(double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    public double meanMillis() {
        return Arrays.stream(sorted).average().orElse(Double.NaN) / 1e6;
    }

    public String line() {
        return String.format("n=%d p50=%.3f ms p90=%.3f ms p99=%.3f ms max=%.3f ms", count(), percentileMillis(50),
                percentileMillis(90), percentileMillis(99), percentileMillis(100));
    }
}
