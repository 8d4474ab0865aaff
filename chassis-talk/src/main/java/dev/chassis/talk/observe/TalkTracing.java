package dev.chassis.talk.observe;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;

/**
 * OpenTelemetry spans: one per session, one per turn inside it, one per monitor run under its turn. With the default no-op
 * OpenTelemetry this costs nothing; configure an SDK to export them.
 */
public final class TalkTracing {

    static final AttributeKey<String> SESSION = AttributeKey.stringKey("chassis.session.id");
    static final AttributeKey<Long> TURN = AttributeKey.longKey("chassis.turn");
    static final AttributeKey<String> DIRECTIVE = AttributeKey.stringKey("chassis.directive");
    static final AttributeKey<String> MONITOR = AttributeKey.stringKey("chassis.monitor");
    static final AttributeKey<Long> SIGNALS = AttributeKey.longKey("chassis.monitor.signals");
    static final AttributeKey<Boolean> DEADLINE_MISSED = AttributeKey.booleanKey("chassis.deadline.missed");
    static final AttributeKey<Boolean> BRIDGED = AttributeKey.booleanKey("chassis.deadline.bridged");
    static final AttributeKey<Boolean> CUT_OFF = AttributeKey.booleanKey("chassis.reply.cut_off");
    static final AttributeKey<Double> FIRST_DELIVERED = AttributeKey.doubleKey("chassis.first_delivered_ms");
    static final AttributeKey<String> MODEL = AttributeKey.stringKey("chassis.model");

    private final Tracer tracer;

    public TalkTracing(OpenTelemetry otel) {
        this.tracer = otel.getTracer("dev.chassis.talk");
    }

    public Span session(String sessionId) {
        return tracer.spanBuilder("talk.session").setNoParent().setAttribute(SESSION, sessionId).startSpan();
    }

    public Span turn(Span session, String sessionId, int turn) {
        return tracer.spanBuilder("talk.turn").setParent(Context.root().with(session))
                .setAttribute(SESSION, sessionId).setAttribute(TURN, (long) turn).startSpan();
    }

    /**
     * A monitor's run on a turn, under {@code parent} (the context current where the turn dispatched it: its turn's
     * span), though it runs on its own thread and may end after the turn.
     */
    public Span monitor(Context parent, String sessionId, int turn, String monitor) {
        return tracer.spanBuilder("monitor " + monitor).setParent(parent).setAttribute(SESSION, sessionId)
                .setAttribute(TURN, (long) turn).setAttribute(MONITOR, monitor).startSpan();
    }

    /** Ends a monitor's span with the signals it raised. */
    public static void monitorDone(Span span, int signals) {
        span.setAttribute(SIGNALS, (long) signals);
        span.end();
    }

    /** Ends a monitor's span as failed (it threw, or ran past its budget). */
    public static void monitorFailed(Span span, String reason) {
        span.setStatus(io.opentelemetry.api.trace.StatusCode.ERROR, reason);
        span.end();
    }

    public static void directive(Span turn, String kind) {
        turn.setAttribute(DIRECTIVE, kind);
    }

    /**
     * Ends a turn's span with how the turn went for the person: whether the model missed the first-token deadline and a
     * bridge spoke first, whether the reply was cut off, when its first words reached them, which model answered.
     */
    public static void turnDone(Span turn, dev.chassis.talk.TurnRecord r) {
        turn.setAttribute(DEADLINE_MISSED, r.deadlineMissed());
        turn.setAttribute(BRIDGED, r.bridge().isPresent());
        turn.setAttribute(CUT_OFF, r.cutOff());
        turn.setAttribute(MODEL, r.model());
        r.timings().firstDelivered().ifPresent(d -> turn.setAttribute(FIRST_DELIVERED, d.toNanos() / 1e6));
        r.failure().ifPresent(f -> turn.setStatus(io.opentelemetry.api.trace.StatusCode.ERROR, f));
        turn.end();
    }
}
