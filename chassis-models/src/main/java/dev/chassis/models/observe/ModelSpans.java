package dev.chassis.models.observe;

import dev.chassis.core.event.Event;
import dev.chassis.core.event.EventSink;
import dev.chassis.core.event.ModelEvent;
import dev.chassis.core.model.Model;
import dev.chassis.core.model.ObservedModel;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One client span per model call, made from the model's own events ({@link ObservedModel}): named {@code chat <model>}
 * as the OpenTelemetry GenAI semantic conventions describe it, with the provider, the requested and responding model,
 * tokens in and out, why it finished, and an {@code error.type} when it failed. Time to first token and whether the
 * usage is estimated are Chassis's own attributes ({@code chassis.*}). A call's span starts on the caller's thread,
 * so its parent is the span current there: the turn, or the step's model call. Thread-safe.
 */
public final class ModelSpans implements EventSink {

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

    private final Tracer tracer;
    private final String provider;
    private final String requestModel;
    private final Map<String, Span> open = new ConcurrentHashMap<>();

    private ModelSpans(OpenTelemetry otel, String modelName) {
        this.tracer = otel.getTracer("dev.chassis.models");
        int colon = modelName.indexOf(':');
        String engine = colon < 0 ? modelName : modelName.substring(0, colon);
        this.provider = switch (engine) {
            case "openai" -> "openai";
            case "anthropic" -> "anthropic";
            case "gemini" -> "gcp.gemini";
            default -> engine;   // offline, openai-compatible (a self-hosted server)
        };
        String rest = colon < 0 ? modelName : modelName.substring(colon + 1);
        int hash = rest.lastIndexOf('#');
        this.requestModel = hash < 0 ? rest : rest.substring(hash + 1);
    }

    /** {@code model}, its calls observed and each made a span with {@code otel}. */
    public static Model traced(Model model, OpenTelemetry otel) {
        return ObservedModel.of(model, new ModelSpans(otel, model.name()));
    }

    @Override
    public void accept(Event event) {
        if (!(event instanceof ModelEvent e)) {
            return;
        }
        switch (e) {
            case ModelEvent.Started s -> open.put(s.callId(), tracer.spanBuilder("chat " + requestModel).setSpanKind(SpanKind.CLIENT)
                    .setAttribute(OPERATION, "chat").setAttribute(PROVIDER, provider).setAttribute(REQUEST_MODEL, requestModel).startSpan());
            case ModelEvent.FirstToken f -> {
                Span span = open.get(f.callId());
                if (span != null) {
                    span.setAttribute(TTFT, f.timeToFirstToken().toNanos() / 1e6);
                }
            }
            case ModelEvent.Finished f -> {
                Span span = open.remove(f.callId());
                if (span != null) {
                    span.setAttribute(RESPONSE_MODEL, f.responseModel());
                    span.setAttribute(INPUT_TOKENS, (long) f.inputTokens());
                    span.setAttribute(OUTPUT_TOKENS, (long) f.outputTokens());
                    span.setAttribute(ESTIMATED, f.estimatedUsage());
                    span.setAttribute(FINISH, f.finishReason().toLowerCase(Locale.ROOT));
                    span.end();
                }
            }
            case ModelEvent.Failed f -> {
                Span span = open.remove(f.callId());
                if (span != null) {
                    // low-cardinality, as the conventions ask: the kind of failure (timeout, rate_limited, ...)
                    String type = f.failure().replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
                    span.setAttribute(ERROR_TYPE, type);
                    span.setStatus(StatusCode.ERROR, f.message());
                    span.end();
                }
            }
        }
    }
}
