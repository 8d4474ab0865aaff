package dev.chassis.temporal.wire;

import dev.chassis.core.model.Message;
import dev.chassis.core.tool.ToolCall;
import java.util.List;

/**
 * A {@link Message} as it travels to a worker: the kind, the text, and what the kind carries.
 *
 * @param role       system, user, assistant or tool
 * @param toolCalls  the tools an assistant message asks for
 * @param toolCallId for a tool result, the call it answers
 * @param toolName   for a tool result, the tool
 */
public record WireMessage(String role, String text, List<ToolCall> toolCalls, String toolCallId, String toolName) {

    public WireMessage {
        toolCalls = List.copyOf(toolCalls == null ? List.of() : toolCalls);
        toolCallId = toolCallId == null ? "" : toolCallId;
        toolName = toolName == null ? "" : toolName;
    }

    public static WireMessage of(Message m) {
        return switch (m) {
            case Message.SystemMessage s -> new WireMessage("system", s.text(), List.of(), "", "");
            case Message.UserMessage u -> new WireMessage("user", u.text(), List.of(), "", "");
            case Message.AssistantMessage a -> new WireMessage("assistant", a.text(), a.toolCalls(), "", "");
            case Message.ToolResultMessage t -> new WireMessage("tool", t.text(), List.of(), t.toolCallId(), t.toolName());
        };
    }

    /** The message again. */
    public Message message() {
        return switch (role) {
            case "system" -> Message.system(text);
            case "user" -> Message.user(text);
            case "assistant" -> Message.assistant(text, toolCalls);
            case "tool" -> new Message.ToolResultMessage(toolCallId, toolName, text);
            default -> throw new IllegalArgumentException("a message's role is system, user, assistant or tool, was '" + role + "'");
        };
    }
}
