package dev.chassis.work.internal;

import dev.chassis.core.tool.PolicyRule;
import dev.chassis.core.tool.RateLimit;
import dev.chassis.core.tool.ToolCall;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Per-tool call rates on Resilience4j rate limiters: a call to a tool matching a limit's glob waits
 * for a permit, at most {@code permits} per {@code per}. A limiter's periods start at the first call it
 * sees, so the first burst gets a whole period. The harness's limiters count across all its runs.
 * Thread-safe.
 */
public final class RateLimits {

    /** How long a call waits for a permit before it fails instead. */
    private static final Duration PATIENCE = Duration.ofHours(1);

    private record Window(Pattern pattern, RateLimit limit) { }

    private final List<Window> windows;
    private final ConcurrentMap<RateLimit, RateLimiter> limiters;

    public RateLimits(List<RateLimit> limits) {
        this(limits, new ConcurrentHashMap<>());
    }

    private RateLimits(List<RateLimit> limits, ConcurrentMap<RateLimit, RateLimiter> limiters) {
        this.windows = limits.stream().distinct().map(l -> new Window(PolicyRule.globToRegex(l.toolGlob()), l)).toList();
        this.limiters = limiters;
    }

    /** These limits and {@code more} (a workflow's own), sharing this one's limiters, so the same limit keeps counting. */
    public RateLimits with(List<RateLimit> more) {
        if (more.isEmpty()) {
            return this;
        }
        return new RateLimits(Stream.concat(windows.stream().map(Window::limit), more.stream()).toList(), limiters);
    }

    /**
     * Waits until {@code call} is within every matching limit, and takes a permit of each.
     *
     * @throws InterruptedException when the wait is interrupted
     * @throws IllegalStateException when a permit does not come within an hour
     */
    public void acquire(ToolCall call) throws InterruptedException {
        for (Window w : windows) {
            if (!w.pattern().matcher(call.name()).matches()) {
                continue;
            }
            RateLimiter limiter = limiters.computeIfAbsent(w.limit(), l -> RateLimiter.of("tool " + l.toolGlob(), RateLimiterConfig.custom()
                    .limitForPeriod(l.permits()).limitRefreshPeriod(l.per()).timeoutDuration(PATIENCE).build()));
            boolean permitted = limiter.acquirePermission();
            if (Thread.interrupted()) {
                throw new InterruptedException("waiting for a permit of the rate limit " + w.limit().describe());
            }
            if (!permitted) {
                throw new IllegalStateException("no permit of the rate limit " + w.limit().describe() + " within " + PATIENCE.toHours() + " h");
            }
        }
    }
}
