package dev.chassis.core.model;

import dev.chassis.core.tool.ToolCall;
import java.util.List;
import java.util.Objects;

/**
 * Realises one kind of {@link Intent} deterministically, without a model: the offline engine's
 * extension point. Each harness registers realisers for its own intent types (through
 * {@link java.util.ServiceLoader} or explicitly), so the engine knows no harness types.
 *
 * <p>Implementations must be deterministic (the same intent and prompt give the same reply) and
 * thread-safe.
 *
 * <pre>{@code
 * public final class GreetingRealiser implements OfflineRealiser<Greeting> {
 *     public Class<Greeting> intentType() { return Greeting.class; }
 *     public Reply realise(Greeting g, Prompt p) { return Reply.text("Hello, " + g.name() + "!"); }
 * }
 * }</pre>
 *
 * @param <I> the intent type this realiser handles (subtypes included)
 */
public interface OfflineRealiser<I extends Intent> {

    /** The intent type handled; an intent is routed to the first realiser whose type it is an instance of. */
    Class<I> intentType();

    /** The reply for this intent and prompt. */
    Reply realise(I intent, Prompt prompt);

    /** What an offline realiser answers: text, and tool calls when the intent asks for them. */
    record Reply(String text, List<ToolCall> toolCalls) {
        public Reply {
            Objects.requireNonNull(text, "text");
            toolCalls = List.copyOf(toolCalls);
        }

        public static Reply text(String text) {
            return new Reply(text, List.of());
        }

        public static Reply toolCalls(List<ToolCall> calls) {
            return new Reply("", calls);
        }
    }
}
