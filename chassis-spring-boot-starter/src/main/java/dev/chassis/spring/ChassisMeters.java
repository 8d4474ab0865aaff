package dev.chassis.spring;

import dev.chassis.core.event.Event;
import dev.chassis.core.event.EventSink;
import dev.chassis.talk.observe.TalkEvent;
import dev.chassis.work.observe.WorkMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * Both harnesses' events as meters in the application's {@link MeterRegistry}, under the names the Chassis
 * server and its Grafana dashboard use: {@code chassis.turn.latency} by phase (overhead, first words, total),
 * deadline misses, monitor failures and time, interruptions and model fallbacks for the talk harness, and the
 * work harness's {@link WorkMetrics} (steps, gate verdicts, retries, tokens and cost, journal append time).
 * Thread-safe; a few atomic operations per event.
 */
public final class ChassisMeters implements EventSink {

    private final MeterRegistry registry;
    private final WorkMetrics work;
    private final Timer overhead;
    private final Timer firstWords;
    private final Timer total;
    private final Counter turns;
    private final Counter deadlineMisses;
    private final Counter monitorFailures;
    private final Counter interruptions;
    private final Counter fallbacks;

    public ChassisMeters(MeterRegistry registry) {
        this.registry = registry;
        this.work = new WorkMetrics(registry);
        this.overhead = latency("overhead", "end of the participant's turn to model request sent");
        this.firstWords = latency("first_words", "end of the participant's turn to the first words delivered");
        this.total = latency("total", "end of the participant's turn to the reply complete");
        this.turns = Counter.builder("chassis.turns").description("interviewer turns finished").register(registry);
        this.deadlineMisses = Counter.builder("chassis.deadline.misses")
                .description("turns where the model produced nothing by the first-token deadline").register(registry);
        this.monitorFailures = Counter.builder("chassis.monitor.failures").description("monitors that threw or ran out of time")
                .register(registry);
        this.interruptions = Counter.builder("chassis.interruptions").description("replies cut off because the person spoke")
                .register(registry);
        this.fallbacks = Counter.builder("chassis.model.fallbacks")
                .description("turns the configured model failed on: the fallback answered or the partial reply was kept").register(registry);
    }

    private Timer latency(String phase, String description) {
        return Timer.builder("chassis.turn.latency").tag("phase", phase).description(description).publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(30)).register(registry);
    }

    @Override
    public void accept(Event event) {
        if (!(event instanceof TalkEvent t)) {
            work.accept(event);
            return;
        }
        switch (t) {
            case TalkEvent.RequestSent r -> overhead.record(r.overhead());
            case TalkEvent.FirstTokenDelivered f -> firstWords.record(f.sinceEndOfTurn());
            case TalkEvent.TurnFinished f -> {
                turns.increment();
                total.record(f.total());
            }
            case TalkEvent.MonitorFinished m -> Timer.builder("chassis.monitor.time").description("monitor runs beside turns")
                    .tag("monitor", m.monitor()).register(registry).record(m.took());
            case TalkEvent.MonitorFailed f -> monitorFailures.increment();
            case TalkEvent.DeadlineMissed d -> deadlineMisses.increment();
            case TalkEvent.Interrupted i -> interruptions.increment();
            case TalkEvent.ModelFailed f -> fallbacks.increment();
            default -> { }
        }
    }
}
