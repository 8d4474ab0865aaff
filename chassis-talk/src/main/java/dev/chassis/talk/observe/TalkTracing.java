package dev.chassis.talk.observe;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;

/**
 * OpenTelemetry spans: one per session, one per turn inside it. With the default no-op
 * OpenTelemetry this costs nothing; configure an SDK to export them.
 */
public final class TalkTracing {

    static final AttributeKey<String> SESSION = AttributeKey.stringKey("chassis.session.id");
    static final AttributeKey<Long> TURN = AttributeKey.longKey("chassis.turn");
    static final AttributeKey<String> DIRECTIVE = AttributeKey.stringKey("chassis.directive");

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

    public static void directive(Span turn, String kind) {
        turn.setAttribute(DIRECTIVE, kind);
    }
}
