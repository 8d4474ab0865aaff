package dev.chassis.models.langchain4j;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chassis.core.model.FinishReason;
import dev.chassis.core.model.Generation;
import dev.chassis.core.model.Model;
import dev.chassis.core.model.ModelException;
import dev.chassis.core.model.Prompt;
import dev.chassis.core.model.StreamingGeneration;
import dev.chassis.core.model.TokenListener;
import dev.chassis.core.model.Usage;
import dev.chassis.core.time.Deadline;
import dev.langchain4j.http.client.sse.DefaultServerSentEventParser;
import dev.langchain4j.http.client.sse.ServerSentEvent;
import dev.langchain4j.http.client.sse.ServerSentEventContext;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code openai:} and {@code openai-compatible:} engines: a plain conversation (no tools) is
 * written by {@link OpenAiRequestWriter} (compact, earlier messages copied from their encoded bytes)
 * and streamed by {@link ChassisHttpClient} with LangChain4j's SSE parser; anything with tools goes
 * through LangChain4j's own OpenAI client ({@code general}). Same failures, cancellation and
 * deadline as {@link LangChain4jModel}. Thread-safe.
 */
final class OpenAiWireModel implements Model {

    private final String name;
    private final URI chatUrl;
    private final Map<String, String> headers;
    private final ChassisHttpClient http;
    /** Plain HTTP straight to the server when the address allows it ({@code http:}, no proxy); else the JDK client above. */
    private final Optional<WireClient> direct;
    private final OpenAiRequestWriter writer;
    private final Model general;
    private final String keyVariable;

    OpenAiWireModel(String name, URI baseUrl, String model, String apiKey, String keyVariable, Duration timeout, Model general) {
        this.name = name;
        String base = baseUrl.toString();
        this.chatUrl = URI.create((base.endsWith("/") ? base : base + "/") + "chat/completions");
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Type", "application/json");
        h.put("Accept", "text/event-stream");
        if (apiKey != null && !apiKey.isBlank()) {
            h.put("Authorization", "Bearer " + apiKey);
        }
        this.headers = Map.copyOf(h);
        this.http = ChassisHttpClient.builder(ChassisHttpClient.OPENAI_DONE).readTimeout(timeout).build();
        this.direct = WireClient.forDirect(chatUrl, headers, timeout, ChassisHttpClient.OPENAI_DONE);
        this.writer = new OpenAiRequestWriter(model);
        this.general = general;
        this.keyVariable = keyVariable;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Generation stream(Prompt prompt, Deadline deadline, TokenListener listener) {
        if (!OpenAiRequestWriter.writes(prompt)) {
            return general.stream(prompt, deadline, listener);
        }
        // The deadline is armed once the request is on its way: the same instant, nothing before the wire.
        StreamingGeneration g = StreamingGeneration.unarmed(name, deadline, listener);
        long start = System.nanoTime();
        try {
            if (direct.isPresent()) {
                WireClient client = direct.get();
                client.stream(writer.write(prompt, client::head), g, new DefaultServerSentEventParser(), new Events(g, prompt, start));
            } else {
                http.stream(chatUrl, headers, writer.write(prompt), g, new DefaultServerSentEventParser(), new Events(g, prompt, start));
            }
        } catch (RuntimeException e) {
            g.fail(Failures.map(name, e, "", Duration.ofNanos(System.nanoTime() - start), keyVariable));
        }
        g.arm();
        return g;
    }

    @Override
    public String toString() {
        return "OpenAiWireModel[" + name + "]";
    }

    /** Reads the chunks of one streamed reply into the generation. */
    private final class Events implements ServerSentEventListener {
        private final StreamingGeneration g;
        private final Prompt prompt;
        private final long start;
        private FinishReason finish = FinishReason.STOP;
        private Optional<Usage> usage = Optional.empty();

        Events(StreamingGeneration g, Prompt prompt, long start) {
            this.g = g;
            this.prompt = prompt;
            this.start = start;
        }

        @Override
        public void onEvent(ServerSentEvent event, ServerSentEventContext context) {
            String data = event.data() == null ? "" : event.data().trim();
            if (data.isEmpty() || "[DONE]".equals(data)) {
                return;
            }
            OpenAiChunk chunk;
            try {
                chunk = OpenAiChunk.read(data);
            } catch (IOException e) {
                stop(context, e); // LangChain4j's parser ignores what a listener throws: end the reply here
                return;
            }
            if (chunk.error().isPresent()) {
                JsonNode error = chunk.error().get();
                stop(context, new HttpStatusException(error.path("code").asInt(500), error.path("message").asText(error.toString()), Optional.empty()));
                return;
            }
            String text = chunk.text();
            if (g.isStopped() || !text.isEmpty() && !g.token(text)) {
                context.parsingHandle().cancel();
                return;
            }
            if (!chunk.finishReason().isEmpty()) {
                finish = finishReason(chunk.finishReason());
            }
            if (chunk.promptTokens() >= 0) {
                usage = Optional.of(new Usage(chunk.promptTokens(), chunk.completionTokens(), false));
            }
        }

        private void stop(ServerSentEventContext context, Throwable failure) {
            onError(failure);
            context.parsingHandle().cancel();
        }

        @Override
        public void onEvent(ServerSentEvent event) {
            throw new UnsupportedOperationException("events come with their context");
        }

        @Override
        public void onError(Throwable error) {
            ModelException failure = Failures.map(name, error, g.textSoFar(), Duration.ofNanos(System.nanoTime() - start), keyVariable);
            g.fail(failure);
        }

        @Override
        public void onClose() {
            g.complete(prompt, List.of(), usage, finish);
        }
    }

    private static FinishReason finishReason(String reason) {
        return switch (reason) {
            case "stop" -> FinishReason.STOP;
            case "length" -> FinishReason.LENGTH;
            case "tool_calls", "function_call" -> FinishReason.TOOL_CALLS;
            case "content_filter" -> FinishReason.CONTENT_FILTER;
            default -> FinishReason.OTHER;
        };
    }
}
