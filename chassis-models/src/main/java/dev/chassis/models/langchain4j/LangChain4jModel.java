package dev.chassis.models.langchain4j;

import dev.chassis.core.model.Generation;
import dev.chassis.core.model.Model;
import dev.chassis.core.model.Prompt;
import dev.chassis.core.model.StreamingGeneration;
import dev.chassis.core.model.TokenListener;
import dev.chassis.core.model.Usage;
import dev.chassis.core.time.Deadline;
import dev.chassis.core.tool.ToolCall;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.output.TokenUsage;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Any LangChain4j {@link StreamingChatModel} as a Chassis {@link Model}.
 *
 * <p>Cancellation: LangChain4j's cancel handle is only reachable inside a partial-response
 * callback, so a cancel requested earlier is applied at the first callback; with the Chassis HTTP
 * client the connection is also closed at once. After a cancel LangChain4j calls neither
 * completion nor error, so the generation is completed here (as cancelled). Every failure becomes a
 * typed {@link dev.chassis.core.model.ModelException}. Thread-safe.
 *
 * <pre>{@code
 * Model m = LangChain4jModel.of("openai:gpt-4.1-mini", OpenAiStreamingChatModel.builder()...build());
 * }</pre>
 */
public final class LangChain4jModel implements Model {

    private final String name;
    private final StreamingChatModel delegate;
    private final String keyVariable;

    private LangChain4jModel(String name, StreamingChatModel delegate, String keyVariable) {
        this.name = Objects.requireNonNull(name, "name");
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.keyVariable = keyVariable;
    }

    /** Wraps a streaming model; {@code name} appears in events and errors. */
    public static LangChain4jModel of(String name, StreamingChatModel delegate) {
        return new LangChain4jModel(name, delegate, "the API key");
    }

    static LangChain4jModel of(String name, StreamingChatModel delegate, String keyVariable) {
        return new LangChain4jModel(name, delegate, keyVariable);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Generation stream(Prompt prompt, Deadline deadline, TokenListener listener) {
        StreamingGeneration g = StreamingGeneration.start(name, deadline, listener);
        long start = System.nanoTime();
        StreamingChatResponseHandler handler = new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
                if (g.isStopped()) {
                    context.streamingHandle().cancel();
                    return;
                }
                if (!g.token(partial.text())) {
                    context.streamingHandle().cancel();
                }
            }

            @Override
            public void onCompleteResponse(ChatResponse response) {
                List<ToolCall> calls = Conversions.toolCalls(response.aiMessage());
                g.complete(prompt, calls, usage(response.tokenUsage()),
                        Conversions.finishReason(response.finishReason(), !calls.isEmpty()));
            }

            @Override
            public void onError(Throwable error) {
                g.fail(Failures.map(name, error, g.textSoFar(), Duration.ofNanos(System.nanoTime() - start), keyVariable));
            }
        };
        try {
            CallScope.run(g, () -> delegate.chat(Conversions.request(prompt), handler));
        } catch (RuntimeException e) {
            g.fail(Failures.map(name, e, "", Duration.ofNanos(System.nanoTime() - start), keyVariable));
        }
        return g;
    }

    private static Optional<Usage> usage(TokenUsage u) {
        if (u == null || u.inputTokenCount() == null || u.outputTokenCount() == null) {
            return Optional.empty();
        }
        return Optional.of(new Usage(u.inputTokenCount(), u.outputTokenCount(), false));
    }

    @Override
    public String toString() {
        return "LangChain4jModel[" + name + "]";
    }
}
