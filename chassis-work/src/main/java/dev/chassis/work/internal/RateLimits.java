package dev.chassis.work.internal;

import dev.chassis.core.tool.ToolCall;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Per-tool call rates: a call to a tool matching a limit's glob waits until fewer than {@code permits}
 * calls were made in the last {@code per}. Thread-safe.
 */
public final class RateLimits {

    /** At most {@code permits} calls per {@code per} to tools matching {@code toolGlob}. */
    public record Limit(String toolGlob, int permits, Duration per) {
        public Limit {
            if (permits < 1 || per.isNegative() || per.isZero()) {
                throw new IllegalArgumentException("a rate limit needs at least 1 permit over a positive duration");
            }
        }
    }

    private record Window(Pattern pattern, Limit limit, Deque<Long> calls) { }

    private final List<Window> windows;

    public RateLimits(List<Limit> limits) {
        this.windows = limits.stream().map(l -> new Window(glob(l.toolGlob()), l, new ArrayDeque<>())).toList();
    }

    /** Waits until {@code call} is within every matching limit, then counts it. */
    public void acquire(ToolCall call) throws InterruptedException {
        for (Window w : windows) {
            if (!w.pattern().matcher(call.name()).matches()) {
                continue;
            }
            while (true) {
                long wait;
                synchronized (w.calls()) {
                    long now = System.nanoTime();
                    long horizon = now - w.limit().per().toNanos();
                    while (!w.calls().isEmpty() && w.calls().peekFirst() - horizon <= 0) {
                        w.calls().pollFirst();
                    }
                    if (w.calls().size() < w.limit().permits()) {
                        w.calls().addLast(now);
                        break;
                    }
                    wait = w.calls().peekFirst() - horizon;
                }
                Thread.sleep(Duration.ofNanos(Math.max(1_000_000, wait)));
            }
        }
    }

    private static Pattern glob(String glob) {
        StringBuilder re = new StringBuilder();
        for (char c : glob.toCharArray()) {
            re.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(re.toString());
    }
}
