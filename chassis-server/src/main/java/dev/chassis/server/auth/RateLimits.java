package dev.chassis.server.auth;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rate limits by key (a participant's session, a client's address), one Resilience4j {@link RateLimiter} per key:
 * {@code perMinute} permits in each minute, never waiting (a request over the limit is refused at once). The map is
 * cleared of keys with all their permits when it grows past a bound, so a flood of distinct keys cannot exhaust
 * memory. Thread-safe.
 */
final class RateLimits {

    private static final int MAX_KEYS = 50_000;

    private final RateLimiterConfig config;
    private final String name;
    private final ConcurrentHashMap<String, RateLimiter> limiters = new ConcurrentHashMap<>();

    RateLimits(String name, int perMinute) {
        if (perMinute < 1) {
            throw new IllegalArgumentException("a rate must be positive, was " + perMinute);
        }
        this.name = name;
        this.config = RateLimiterConfig.custom().limitForPeriod(perMinute).limitRefreshPeriod(Duration.ofMinutes(1))
                .timeoutDuration(Duration.ZERO).build();
    }

    /** Takes one permit from {@code key}'s limiter; false when it has none left this minute (refuse the request). */
    boolean tryAcquire(String key) {
        if (limiters.size() > MAX_KEYS) {
            limiters.values().removeIf(l -> l.getMetrics().getAvailablePermissions() >= config.getLimitForPeriod());
        }
        return limiters.computeIfAbsent(key, k -> RateLimiter.of(name, config)).acquirePermission();
    }
}
