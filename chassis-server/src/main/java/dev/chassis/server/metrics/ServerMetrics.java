package dev.chassis.server.metrics;

import dev.chassis.core.event.Event;
import dev.chassis.core.event.EventSink;
import dev.chassis.talk.TurnRecord;
import dev.chassis.talk.observe.TalkEvent;
import dev.chassis.models.breaker.CircuitBreakingModel;
import dev.chassis.work.observe.WorkMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

/**
 * The server's metrics, scraped at {@code /metrics}: turn latency histograms by phase (harness overhead,
 * first words, model first token, whole reply), live sessions, deadline misses, monitor failures and
 * interruptions, the health of each check and of the model (its breaker's condition, failed and refused calls, turns the
 * fallback answered), plus JVM memory and threads. Also an {@link EventSink} for the talk harness's events;
 * recording is a few atomic operations, fit for the turn path. Thread-safe.
 */
public final class ServerMetrics implements EventSink, AutoCloseable {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Timer overhead = latency("overhead", "end of the participant's turn to model request sent");
    private final Timer firstWords = latency("first_words", "end of the participant's turn to the first words delivered");
    private final Timer modelFirstToken = latency("model_first_token", "end of the participant's turn to the model's first token");
    private final Timer total = latency("total", "end of the participant's turn to the reply complete");
    private final Counter deadlineMisses = Counter.builder("chassis.deadline.misses")
            .description("turns where the model produced nothing by the first-token deadline").register(registry);
    private final Counter monitorFailures = Counter.builder("chassis.monitor.failures")
            .description("monitors that threw or ran out of time").register(registry);
    private final Counter interruptions = Counter.builder("chassis.interruptions")
            .description("replies cut off because the participant spoke or typed").register(registry);
    private final Counter fallbacks = Counter.builder("chassis.model.fallbacks")
            .description("turns the configured model failed on: the fallback answered or the partial reply was kept").register(registry);
    private final AtomicInteger live = new AtomicInteger();

    public ServerMetrics() {
        Gauge.builder("chassis.sessions.live", live, AtomicInteger::get).description("interview sessions open in this server")
                .register(registry);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
    }

    private Timer latency(String phase, String description) {
        return Timer.builder("chassis.turn.latency").tag("phase", phase).description(description)
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry);
    }

    @Override
    public void accept(Event event) {
        if (event instanceof TalkEvent t) {
            switch (t) {
                case TalkEvent.MonitorFailed f -> monitorFailures.increment();
                case TalkEvent.DeadlineMissed d -> deadlineMisses.increment();
                case TalkEvent.Interrupted i -> interruptions.increment();
                case TalkEvent.ModelFailed f -> fallbacks.increment();
                case TalkEvent.JudgeAsked j -> Counter.builder("chassis.monitor.judge").tag("monitor", j.monitor()).tag("outcome", j.outcome())
                        .description("questions model-backed monitors asked their judge, by outcome (late, failed, malformed: the "
                                + "lexical verdict stood)").register(registry).increment();
                default -> { }
            }
        }
    }

    /** Records a finished turn's timings. */
    public void turn(TurnRecord r) {
        TurnRecord.Timings t = r.timings();
        overhead.record(t.overhead());
        t.firstDelivered().ifPresent(firstWords::record);
        t.modelFirstToken().ifPresent(modelFirstToken::record);
        total.record(t.total());
    }

    /** A health check as a gauge {@code chassis.health{check}}: 0 up, 1 degraded, 2 down. */
    public void check(String name, IntSupplier level) {
        Gauge.builder("chassis.health", level::getAsInt).tag("check", name)   // a supplier is held strongly; an object only weakly
                .description("0 up, 1 degraded, 2 down").register(registry);
    }

    /** The model's circuit breaker: its condition (0 healthy, 1 failing, 2 open, 3 probing) and its failed and refused calls. */
    public void model(CircuitBreakingModel model) {
        Gauge.builder("chassis.model.condition", model, m -> m.health().condition().ordinal()).tag("model", model.name())
                .description("0 healthy, 1 failing, 2 open (not called), 3 probing").register(registry);
        FunctionCounter.builder("chassis.model.calls.failed", model, CircuitBreakingModel::failedCalls).tag("model", model.name())
                .description("model calls that failed").register(registry);
        FunctionCounter.builder("chassis.model.calls.refused", model, CircuitBreakingModel::refusedCalls).tag("model", model.name())
                .description("model calls not made because the circuit breaker was open").register(registry);
    }

    public void sessionOpened() {
        live.incrementAndGet();
    }

    public void sessionClosed() {
        live.decrementAndGet();
    }

    public int liveSessions() {
        return live.get();
    }

    /** The Prometheus text exposition. */
    /** Meters of the work harness's runs (steps, retries, gates, tools, tokens), scraped with the rest. */
    public EventSink workMeters() {
        return new WorkMetrics(registry);
    }

    public String scrape() {
        return registry.scrape();
    }

    @Override
    public void close() {
        registry.close();
    }
}
