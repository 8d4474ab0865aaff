package dev.chassis.work.observe;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Spans of one run: run → step → attempt → model or tool call. Opened and closed by the activity
 * layer as events are recorded. Thread-safe (parallel steps).
 */
public final class WorkTracing {

    private static final AttributeKey<String> RUN = AttributeKey.stringKey("chassis.run.id");
    private static final AttributeKey<String> STEP = AttributeKey.stringKey("chassis.step");
    private static final AttributeKey<Long> ATTEMPT = AttributeKey.longKey("chassis.attempt");
    /** A model call's cost in US dollars, by the run's price table. */
    public static final AttributeKey<Double> COST = AttributeKey.doubleKey("chassis.cost_usd");

    private final Tracer tracer;
    private final String runId;
    private final Span run;
    private final Map<String, Span> steps = new ConcurrentHashMap<>();
    private final Map<String, Span> attempts = new ConcurrentHashMap<>();

    public WorkTracing(OpenTelemetry otel, String runId, String workflow) {
        this.tracer = otel.getTracer("dev.chassis.work");
        this.runId = runId;
        this.run = tracer.spanBuilder("work.run " + workflow).setNoParent().setAttribute(RUN, runId).startSpan();
    }

    public void attemptStarted(String step, int attempt) {
        Span s = steps.computeIfAbsent(step, k -> tracer.spanBuilder("work.step " + step).setParent(Context.root().with(run))
                .setAttribute(RUN, runId).setAttribute(STEP, step).startSpan());
        Span previous = attempts.put(step, tracer.spanBuilder("work.attempt").setParent(Context.root().with(s))
                .setAttribute(STEP, step).setAttribute(ATTEMPT, (long) attempt).startSpan());
        if (previous != null) {
            previous.end();
        }
    }

    /** A span for a model or tool call inside the step's current attempt; the caller ends it. */
    public Span call(String name, String step) {
        Span parent = attempts.getOrDefault(step, steps.getOrDefault(step, run));
        return tracer.spanBuilder(name).setParent(Context.root().with(parent)).setAttribute(STEP, step).startSpan();
    }

    public void stepEnded(String step) {
        Span a = attempts.remove(step);
        if (a != null) {
            a.end();
        }
        Span s = steps.remove(step);
        if (s != null) {
            s.end();
        }
    }

    /** Ends every open span and the run's. */
    public void end() {
        attempts.values().forEach(Span::end);
        steps.values().forEach(Span::end);
        attempts.clear();
        steps.clear();
        run.end();
    }
}
