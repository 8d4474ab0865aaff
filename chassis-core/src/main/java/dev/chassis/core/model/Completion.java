package dev.chassis.core.model;

import dev.chassis.core.tool.ToolCall;
import java.util.List;
import java.util.Objects;

/**
 * A finished reply: its text, the tools it asks to call, the tokens it used and how long it took.
 *
 * @param model the {@link Model#name()} that produced it
 */
public record Completion(
        String model,
        String text,
        List<ToolCall> toolCalls,
        Usage usage,
        Timing timing,
        FinishReason finishReason) {

    public Completion {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(text, "text");
        toolCalls = List.copyOf(toolCalls);
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(timing, "timing");
        Objects.requireNonNull(finishReason, "finishReason");
    }

    public boolean hasToolCalls() {
        return !toolCalls.isEmpty();
    }
}
