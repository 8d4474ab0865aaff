package dev.chassis.testkit.server;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the server answers to one request: text, tool calls, and optionally its own time to first
 * token or a fault (overriding the server's random draw).
 */
public record ScriptedReply(String text, List<ToolCallReply> toolCalls, Optional<Latency> timeToFirstToken, Optional<Fault> fault) {

    public ScriptedReply {
        Objects.requireNonNull(text, "text");
        toolCalls = List.copyOf(toolCalls);
        Objects.requireNonNull(timeToFirstToken, "timeToFirstToken");
        Objects.requireNonNull(fault, "fault");
    }

    public static ScriptedReply text(String text) {
        return new ScriptedReply(text, List.of(), Optional.empty(), Optional.empty());
    }

    public static ScriptedReply toolCall(String name, String argumentsJson) {
        return new ScriptedReply("", List.of(new ToolCallReply(name, argumentsJson)), Optional.empty(), Optional.empty());
    }

    public static ScriptedReply fault(Fault fault) {
        return new ScriptedReply("This reply is cut short by an injected fault, mid-sentence.", List.of(), Optional.empty(), Optional.of(fault));
    }

    public ScriptedReply withTimeToFirstToken(Latency latency) {
        return new ScriptedReply(text, toolCalls, Optional.of(latency), fault);
    }

    /** A tool call the model asks for. */
    public record ToolCallReply(String name, String argumentsJson) {
        public ToolCallReply {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(argumentsJson, "argumentsJson");
        }
    }
}
