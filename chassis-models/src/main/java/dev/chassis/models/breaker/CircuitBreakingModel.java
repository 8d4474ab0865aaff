package dev.chassis.models.breaker;

import dev.chassis.core.model.Generation;
import dev.chassis.core.model.Model;
import dev.chassis.core.model.ModelException;
import dev.chassis.core.model.Prompt;
import dev.chassis.core.model.StreamingGeneration;
import dev.chassis.core.model.TokenListener;
import dev.chassis.core.time.Deadline;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An engine behind a circuit breaker (Resilience4j): every failed call (a timeout, a 429, a 5xx, a broken
 * or malformed stream, a refused connection; not a cancel) counts; when too many of the latest calls
 * failed ({@link BreakerSettings}) the breaker opens, and calls fail at once with
 * {@link ModelException.Unavailable} instead of reaching the provider, so a harness answers from its
 * fallback without waiting. After a while a few calls probe the provider; if they succeed, calls go
 * through again. {@link #health()} says where it stands; {@link #onHealthChange} tells of each change,
 * which is also logged. Thread-safe.
 *
 * <pre>{@code
 * CircuitBreakingModel m = CircuitBreakingModel.of(ModelFactory.fromEnvironment().create("openai:gpt-4.1-mini"));
 * m.onHealthChange(h -> System.err.println(h.condition() + " " + h.problem().orElse("")));
 * }</pre>
 */
public final class CircuitBreakingModel implements Model {

    private static final Logger LOG = LoggerFactory.getLogger(CircuitBreakingModel.class);

    private final Model delegate;
    private final BreakerSettings settings;
    private final CircuitBreaker breaker;
    private final Clock clock;
    private final List<Consumer<ModelHealth>> listeners = new CopyOnWriteArrayList<>();
    private final LongAdder failed = new LongAdder();
    private final LongAdder refused = new LongAdder();
    private final Object healthLock = new Object();
    private volatile ModelHealth health;
    private volatile boolean lastFailed;
    private volatile String lastFailure = "";
    private volatile Instant openedAt = Instant.EPOCH;
    private volatile long lastFailingLog;

    private CircuitBreakingModel(Model delegate, BreakerSettings settings, Clock clock) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.breaker = CircuitBreaker.of(delegate.name(), CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(settings.window())
                .minimumNumberOfCalls(settings.minimumCalls())
                .failureRateThreshold((float) (settings.failureRate() * 100))
                .waitDurationInOpenState(settings.openFor())
                .permittedNumberOfCallsInHalfOpenState(settings.probes())
                .clock(clock)   // the same clock decides when to probe and how long the refusal says is left
                .build());
        this.health = new ModelHealth(delegate.name(), ModelHealth.Condition.HEALTHY, Optional.empty(), clock.instant());
        breaker.getEventPublisher().onStateTransition(e -> {
            if (e.getStateTransition().getToState() == CircuitBreaker.State.OPEN) {
                openedAt = clock.instant();
            }
            refresh();
        });
    }

    /** {@code delegate} behind a breaker with {@link BreakerSettings#defaults()}. */
    public static CircuitBreakingModel of(Model delegate) {
        return new CircuitBreakingModel(delegate, BreakerSettings.defaults(), Clock.systemUTC());
    }

    /** {@code delegate} behind a breaker with the given settings. */
    public static CircuitBreakingModel of(Model delegate, BreakerSettings settings) {
        return of(delegate, settings, Clock.systemUTC());
    }

    /** {@code delegate} behind a breaker whose wait before probing runs on {@code clock} (tests move it by hand). */
    static CircuitBreakingModel of(Model delegate, BreakerSettings settings, Clock clock) {
        return new CircuitBreakingModel(delegate, settings, clock);
    }

    @Override
    public String name() {
        return delegate.name();
    }

    /** The engine behind the breaker. */
    public Model delegate() {
        return delegate;
    }

    @Override
    public Generation stream(Prompt prompt, Deadline deadline, TokenListener listener) {
        if (!breaker.tryAcquirePermission()) {
            refused.increment();
            StreamingGeneration g = StreamingGeneration.start(name(), deadline, listener);
            g.fail(new ModelException.Unavailable(name(), refusal(), Optional.of(untilProbe()), null));
            return g;
        }
        long start = System.nanoTime();
        Generation g;
        try {
            g = delegate.stream(prompt, deadline, listener);
        } catch (RuntimeException e) {
            failed(start, e);
            throw e;
        }
        g.result().whenComplete((c, e) -> {
            if (e == null) {
                succeeded(start);
            } else {
                Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
                if (cause instanceof ModelException.Cancelled) {
                    breaker.releasePermission();   // the caller stopped it: says nothing about the provider
                } else {
                    failed(start, cause);
                }
            }
        });
        return g;
    }

    private void succeeded(long start) {
        lastFailed = false;   // before the breaker hears it: its state change refreshes the health at once
        breaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        refresh();
    }

    private void failed(long start, Throwable cause) {
        failed.increment();
        lastFailure = oneLine(cause.getMessage() == null ? "the call failed" : cause.getMessage());
        lastFailed = true;
        breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, cause);
        refresh();
    }

    /** Where the engine stands now (an open breaker's problem says how long until it is tried again). */
    public ModelHealth health() {
        ModelHealth h = health;
        return h.condition() == ModelHealth.Condition.OPEN ? new ModelHealth(h.model(), h.condition(), Optional.of(refusal()), h.since()) : h;
    }

    /** Tells {@code listener} of every change of {@link #health()}'s condition, on the thread that caused it; it must be quick. */
    public void onHealthChange(Consumer<ModelHealth> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Calls that reached the engine and failed, since this breaker was made. */
    public long failedCalls() {
        return failed.sum();
    }

    /** Calls refused without reaching the engine because the breaker was open. */
    public long refusedCalls() {
        return refused.sum();
    }

    private void refresh() {
        ModelHealth was;
        ModelHealth now;
        synchronized (healthLock) {
            was = health;
            ModelHealth.Condition c = switch (breaker.getState()) {
                case OPEN, FORCED_OPEN -> ModelHealth.Condition.OPEN;
                case HALF_OPEN -> ModelHealth.Condition.PROBING;
                default -> lastFailed ? ModelHealth.Condition.FAILING : ModelHealth.Condition.HEALTHY;
            };
            Optional<String> problem = switch (c) {
                case HEALTHY -> Optional.empty();
                case FAILING -> Optional.of("its last call failed: " + lastFailure);
                case OPEN -> Optional.of(refusal());
                case PROBING -> Optional.of("trying it again after repeated failures (the last: " + lastFailure + ")");
            };
            now = new ModelHealth(name(), c, problem, c == was.condition() ? was.since() : clock.instant());
            health = now;
        }
        if (now.condition() != was.condition()) {
            log(was, now);
            for (Consumer<ModelHealth> l : listeners) {
                try {
                    l.accept(now);
                } catch (RuntimeException e) {
                    LOG.warn("a listener of model {}'s health failed: {}", name(), e.toString());
                }
            }
        }
    }

    /** Open and probing are logged, and the recovery from them; a provider failing now and then only once a minute. */
    private void log(ModelHealth was, ModelHealth now) {
        switch (now.condition()) {
            case OPEN -> LOG.error("model {}: {}", name(), now.problem().orElseThrow());
            case PROBING -> LOG.warn("model {}: {}", name(), now.problem().orElseThrow());
            case FAILING -> {
                long at = System.nanoTime();
                if (at - lastFailingLog > TimeUnit.MINUTES.toNanos(1) || lastFailingLog == 0) {
                    lastFailingLog = at;
                    LOG.warn("model {}: {} (said once a minute at most while it fails now and then)", name(), now.problem().orElseThrow());
                }
            }
            case HEALTHY -> {
                if (was.condition() != ModelHealth.Condition.FAILING) {
                    LOG.warn("model {} answers again", name());
                }
            }
        }
    }

    private String refusal() {
        CircuitBreaker.Metrics m = breaker.getMetrics();
        return "not called for now: " + m.getNumberOfFailedCalls() + " of its last " + m.getNumberOfBufferedCalls()
                + " calls failed (the last: " + lastFailure + "); it is tried again in " + Math.max(1, untilProbe().toSeconds()) + " s";
    }

    private Duration untilProbe() {
        Duration left = Duration.between(clock.instant(), openedAt.plus(settings.openFor()));
        return left.isNegative() ? Duration.ZERO : left;
    }

    private static String oneLine(String s) {
        String one = s.replaceAll("\\s+", " ").strip();
        return one.length() > 300 ? one.substring(0, 300) + "…" : one;
    }

    @Override
    public String toString() {
        return "CircuitBreakingModel[" + name() + ", " + breaker.getState() + "]";
    }
}
