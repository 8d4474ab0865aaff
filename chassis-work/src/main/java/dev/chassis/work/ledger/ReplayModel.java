package dev.chassis.work.ledger;

import dev.chassis.core.model.FinishReason;
import dev.chassis.core.model.Generation;
import dev.chassis.core.model.Model;
import dev.chassis.core.model.Prompt;
import dev.chassis.core.model.StreamingGeneration;
import dev.chassis.core.model.TokenListener;
import dev.chassis.core.time.Deadline;
import dev.chassis.core.tool.ToolCall;
import java.util.List;
import java.util.Optional;

/**
 * Plays back what the model did when it made the mistake: the recorded tool call first (if there was
 * one), then the recorded text, on every attempt. Thread-safe.
 */
final class ReplayModel implements Model {

    private final Optional<ToolCall> call;
    private final String text;

    ReplayModel(Optional<ToolCall> call, String text) {
        this.call = call;
        this.text = text;
    }

    @Override
    public String name() {
        return "replay";
    }

    @Override
    public Generation stream(Prompt prompt, Deadline deadline, TokenListener listener) {
        StreamingGeneration g = StreamingGeneration.start(name(), deadline, listener);
        boolean called = prompt.messages().stream().anyMatch(m -> m instanceof dev.chassis.core.model.Message.ToolResultMessage);
        if (call.isPresent() && !called) {
            g.complete(prompt, List.of(call.get()), Optional.empty(), FinishReason.TOOL_CALLS);
        } else {
            g.token(text);
            g.complete(prompt, List.of(), Optional.empty(), FinishReason.STOP);
        }
        return g;
    }
}
