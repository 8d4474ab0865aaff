package dev.chassis.core.model;

import dev.chassis.core.tool.ToolCall;
import java.util.List;
import java.util.Objects;

/**
 * One message of a conversation with a model. A closed set: system, user, assistant and tool result.
 *
 * <pre>{@code
 * List<Message> messages = List.of(Message.system("Be brief."), Message.user("Hi"));
 * }</pre>
 */
public sealed interface Message {

    /** The text of the message; for an assistant message that only calls tools, empty. */
    String text();

    static SystemMessage system(String text) {
        return new SystemMessage(text);
    }

    static UserMessage user(String text) {
        return new UserMessage(text);
    }

    static AssistantMessage assistant(String text) {
        return new AssistantMessage(text, List.of());
    }

    static AssistantMessage assistant(String text, List<ToolCall> toolCalls) {
        return new AssistantMessage(text, toolCalls);
    }

    static ToolResultMessage toolResult(ToolCall call, String result) {
        return new ToolResultMessage(call.id(), call.name(), result);
    }

    /** Instructions and context from the harness. */
    record SystemMessage(String text) implements Message {
        public SystemMessage {
            Objects.requireNonNull(text, "text");
        }
    }

    /** What the user (participant, operator) said. */
    record UserMessage(String text) implements Message {
        public UserMessage {
            Objects.requireNonNull(text, "text");
        }
    }

    /** What the model said, and the tools it asked to call. */
    record AssistantMessage(String text, List<ToolCall> toolCalls) implements Message {
        public AssistantMessage {
            Objects.requireNonNull(text, "text");
            toolCalls = List.copyOf(toolCalls);
        }
    }

    /** The result of a tool call, answering the assistant message that requested it. */
    record ToolResultMessage(String toolCallId, String toolName, String text) implements Message {
        public ToolResultMessage {
            Objects.requireNonNull(toolCallId, "toolCallId");
            Objects.requireNonNull(toolName, "toolName");
            Objects.requireNonNull(text, "text");
        }
    }
}
