package dev.chassis.models.observe;

import dev.chassis.core.model.Completion;
import dev.chassis.core.model.Generation;
import dev.chassis.core.model.Model;
import dev.chassis.core.model.ModelException;
import dev.chassis.core.model.Prompt;
import dev.chassis.core.model.TokenListener;
import dev.chassis.core.time.Deadline;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * One client span per model call, as the OpenTelemetry GenAI semantic conventions describe it: named
 * {@code chat <model>}, with the provider, the requested and responding model, tokens in and out, why it
 * finished, and an {@code error.type} when it failed. Time to first token and whether a deadline bridge was
 * needed are Chassis's own attributes ({@code chassis.*}). The span's parent is whatever span is current
 * when the call starts (a turn, a step). With a no-op OpenTelemetry the wrapper costs a few calls.
 */
public final class TracedModel implements Model {

    static final AttributeKey<String> OPERATION = AttributeKey.stringKey("gen_ai.operation.name");
    static final AttributeKey<String> PROVIDER = AttributeKey.stringKey("gen_ai.provider.name");
    static final AttributeKey<String> REQUEST_MODEL = AttributeKey.stringKey("gen_ai.request.model");
    static final AttributeKey<String> RESPONSE_MODEL = AttributeKey.stringKey("gen_ai.response.model");
    static final AttributeKey<Long> INPUT_TOKENS = AttributeKey.longKey("gen_ai.usage.input_tokens");
    static final AttributeKey<Long> OUTPUT_TOKENS = AttributeKey.longKey("gen_ai.usage.output_tokens");
    static final AttributeKey<String> FINISH = AttributeKey.stringKey("gen_ai.response.finish_reasons");
    static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
    static final AttributeKey<Double> TTFT = AttributeKey.doubleKey("chassis.time_to_first_token_ms");
    static final AttributeKey<Boolean> ESTIMATED = AttributeKey.booleanKey("chassis.usage.estimated");

    private final Model model;
    private final Tracer tracer;
    private final String provider;
    private final String requestModel;

    private TracedModel(Model model, OpenTelemetry otel) {
        this.model = model;
        this.tracer = otel.getTracer("dev.chassis.models");
        String name = model.name();
        int colon = name.indexOf(':');
        String engine = colon < 0 ? name : name.substring(0, colon);
        this.provider = switch (engine) {
            case "openai" -> "openai";
            case "anthropic" -> "anthropic";
            case "gemini" -> "gcp.gemini";
            default -> engine;   // offline, openai-compatible (a self-hosted server)
        };
        String rest = colon < 0 ? name : name.substring(colon + 1);
        int hash = rest.lastIndexOf('#');
        this.requestModel = hash < 0 ? rest : rest.substring(hash + 1);
    }

    /** {@code model}, its calls traced with {@code otel}. */
    public static Model of(Model model, OpenTelemetry otel) {
        return model instanceof TracedModel ? model : new TracedModel(model, otel);
    }

    /** The engine behind the tracing. */
    public Model unwrap() {
        return model;
    }

    @Override
    public String name() {
        return model.name();
    }

    @Override
    public Generation stream(Prompt prompt, Deadline deadline, TokenListener listener) {
        Span span = tracer.spanBuilder("chat " + requestModel).setSpanKind(SpanKind.CLIENT)
                .setAttribute(OPERATION, "chat").setAttribute(PROVIDER, provider).setAttribute(REQUEST_MODEL, requestModel).startSpan();
        Generation g;
        try {
            g = model.stream(prompt, deadline, listener);
        } catch (RuntimeException e) {
            fail(span, e);
            throw e;
        }
        CompletableFuture<Completion> traced = g.result().whenComplete((c, error) -> {
            if (error != null) {
                fail(span, error instanceof CompletionException ce && ce.getCause() != null ? ce.getCause() : error);
                return;
            }
            span.setAttribute(RESPONSE_MODEL, c.model());
            span.setAttribute(INPUT_TOKENS, (long) c.usage().inputTokens());
            span.setAttribute(OUTPUT_TOKENS, (long) c.usage().outputTokens());
            span.setAttribute(ESTIMATED, c.usage().estimated());
            span.setAttribute(FINISH, c.finishReason().name().toLowerCase(Locale.ROOT));
            c.timing().timeToFirstToken().ifPresent(t -> span.setAttribute(TTFT, t.toNanos() / 1e6));
            span.end();
        });
        return new Generation() {
            @Override
            public void cancel() {
                g.cancel();
            }

            @Override
            public CompletableFuture<Completion> result() {
                return traced;
            }
        };
    }

    private static void fail(Span span, Throwable e) {
        // low-cardinality, as the conventions ask: the kind of model failure (timeout, rate_limited, ...), else the class
        String type = e instanceof ModelException m
                ? m.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT) : e.getClass().getName();
        span.setAttribute(ERROR_TYPE, type);
        span.setStatus(StatusCode.ERROR, e.getMessage() == null ? type : e.getMessage());
        span.end();
    }
}
