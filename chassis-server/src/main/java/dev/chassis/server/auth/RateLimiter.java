package dev.chassis.server.auth;

import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per key: {@code perMinute} requests a minute, with bursts up to {@code burst}. Keys
 * are participant sessions or client addresses. The map is cleared of full buckets when it grows past
 * a bound, so a flood of distinct keys cannot exhaust memory. Thread-safe.
 */
public final class RateLimiter {

    private static final int MAX_KEYS = 50_000;

    private final double perNano;
    private final double burst;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(int perMinute, int burst) {
        if (perMinute < 1 || burst < 1) {
            throw new IllegalArgumentException("rate and burst must be positive");
        }
        this.perNano = perMinute / 60e9;
        this.burst = burst;
    }

    /** Takes one request's worth from {@code key}'s bucket; false when it is empty (the request must be refused). */
    public boolean tryAcquire(String key) {
        long now = System.nanoTime();
        if (buckets.size() > MAX_KEYS) {
            buckets.values().removeIf(b -> b.full(now));
        }
        return buckets.computeIfAbsent(key, k -> new Bucket(burst, now)).take(now);
    }

    private final class Bucket {
        private double tokens;
        private long at;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }

        synchronized boolean take(long now) {
            refill(now);
            if (tokens < 1) {
                return false;
            }
            tokens -= 1;
            return true;
        }

        synchronized boolean full(long now) {
            refill(now);
            return tokens >= burst;
        }

        private void refill(long now) {
            tokens = Math.min(burst, tokens + (now - at) * perNano);
            at = now;
        }
    }
}
