package dev.chassis.work.observe;

import dev.chassis.core.event.EventSink;
import dev.chassis.core.event.Event;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Locale;

/**
 * The work harness's events as Micrometer meters, beside the talk ones: steps by how they ended and how many
 * attempts they took, retries, gate verdicts by kind of gate, model tokens, cost (what budgets spend) and call
 * time, tool calls by outcome, runs by how they finished and pauses by kind. Gate names are cut to their kind
 * ({@code read:guide.md} counts as {@code read}) so that a file's name never becomes a time series. Give it to a
 * harness as an event sink; thread-safe.
 *
 * <pre>{@code
 * WorkHarness h = WorkHarness.builder().model(model).events(new WorkMetrics(registry)).build();
 * }</pre>
 */
public final class WorkMetrics implements EventSink {

    private final MeterRegistry registry;
    private final Counter retries;
    private final Counter tokens;
    private final Counter cost;
    private final Timer modelTime;
    private final Timer journalTime;
    private final DistributionSummary attempts;

    public WorkMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.retries = Counter.builder("chassis.work.retries").description("step attempts after the first").register(registry);
        this.tokens = Counter.builder("chassis.work.model.tokens").description("model tokens used by steps").register(registry);
        this.cost = Counter.builder("chassis.work.model.cost").description("model cost of steps, in dollars").register(registry);
        this.modelTime = Timer.builder("chassis.work.model.calls").description("model calls of steps").register(registry);
        this.journalTime = Timer.builder("chassis.work.journal.append").description("journal writes of runs, each durable before it returns")
                .publishPercentileHistogram().register(registry);
        this.attempts = DistributionSummary.builder("chassis.work.step.attempts").description("attempts a step took").register(registry);
    }

    @Override
    public void accept(Event event) {
        if (!(event instanceof WorkEvent e)) {
            return;
        }
        switch (e) {
            case WorkEvent.StepStarted s -> {
                if (s.attempt() > 1) {
                    retries.increment();
                }
            }
            case WorkEvent.ModelCalled m -> {
                tokens.increment(m.tokens());
                cost.increment(m.cost());
                modelTime.record(m.took());
            }
            case WorkEvent.ToolStarted t -> { }
            case WorkEvent.ToolCalled t -> Timer.builder("chassis.work.tool.calls").description("tool calls of steps")
                    .tag("tool", t.tool()).tag("outcome", lower(t.outcome())).register(registry).record(t.took());
            case WorkEvent.GateChecked g -> Counter.builder("chassis.work.gate.verdicts").description("gate verdicts")
                    .tag("gate", kind(g.gate())).tag("verdict", lower(g.verdict())).register(registry).increment();
            case WorkEvent.StepEnded s -> {
                Counter.builder("chassis.work.steps").description("steps ended").tag("status", lower(s.status())).register(registry).increment();
                attempts.record(s.attempts());
            }
            case WorkEvent.RunPaused p -> Counter.builder("chassis.work.pauses").description("runs paused for a person or a wait")
                    .tag("kind", lower(p.pause())).register(registry).increment();
            case WorkEvent.JournalWritten j -> journalTime.record(j.took());
            case WorkEvent.RunFinished f -> Counter.builder("chassis.work.runs").description("runs finished")
                    .tag("status", lower(f.status())).register(registry).increment();
        }
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    /** {@code read:guide.md} → {@code read}, {@code ledger-guard-3} → {@code ledger-guard}: the gate's kind, bounded. */
    static String kind(String gate) {
        int colon = gate.indexOf(':');
        String k = colon < 0 ? gate : gate.substring(0, colon);
        return k.replaceAll("-\\d+$", "");
    }
}
