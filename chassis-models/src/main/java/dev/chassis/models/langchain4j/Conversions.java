package dev.chassis.models.langchain4j;

import dev.chassis.core.model.FinishReason;
import dev.chassis.core.model.Message;
import dev.chassis.core.model.Prompt;
import dev.chassis.core.tool.ToolCall;
import dev.chassis.core.tool.ToolSpec;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import java.util.ArrayList;
import java.util.List;

/** Maps Chassis prompts to LangChain4j requests and LangChain4j results back. */
final class Conversions {

    private Conversions() {
    }

    static ChatRequest request(Prompt prompt) {
        List<ChatMessage> messages = new ArrayList<>(prompt.messages().size() + 1);
        for (Message m : prompt.messages()) {
            messages.add(switch (m) {
                case Message.SystemMessage s -> SystemMessage.from(s.text());
                case Message.UserMessage u -> UserMessage.from(u.text());
                case Message.AssistantMessage a -> a.toolCalls().isEmpty()
                        ? AiMessage.from(a.text())
                        : a.text().isEmpty() ? AiMessage.from(requests(a.toolCalls())) : AiMessage.from(a.text(), requests(a.toolCalls()));
                case Message.ToolResultMessage t -> ToolExecutionResultMessage.from(t.toolCallId(), t.toolName(), t.text());
            });
        }
        // The intent goes last, after the conversation, so the stable prefix stays cacheable.
        prompt.intent().ifPresent(i -> messages.add(SystemMessage.from(i.render())));
        ChatRequest.Builder b = ChatRequest.builder().messages(messages);
        if (!prompt.tools().isEmpty()) {
            b.toolSpecifications(prompt.tools().stream().map(Conversions::toolSpecification).toList());
        }
        prompt.temperature().ifPresent(b::temperature);
        prompt.maxOutputTokens().ifPresent(b::maxOutputTokens);
        return b.build();
    }

    static ToolSpecification toolSpecification(ToolSpec spec) {
        return ToolSpecification.builder()
                .name(spec.name())
                .description(spec.description())
                .parameters(SchemaConversion.objectSchema(spec.schema()))
                .build();
    }

    static List<ToolCall> toolCalls(AiMessage message) {
        if (message == null || !message.hasToolExecutionRequests()) {
            return List.of();
        }
        List<ToolCall> calls = new ArrayList<>();
        int n = 0;
        for (ToolExecutionRequest r : message.toolExecutionRequests()) {
            n++;
            calls.add(new ToolCall(r.id() == null ? "call-" + n : r.id(), r.name(), r.arguments()));
        }
        return calls;
    }

    static FinishReason finishReason(dev.langchain4j.model.output.FinishReason reason, boolean hasToolCalls) {
        if (reason == null) {
            return hasToolCalls ? FinishReason.TOOL_CALLS : FinishReason.STOP;
        }
        return switch (reason) {
            case STOP -> FinishReason.STOP;
            case LENGTH -> FinishReason.LENGTH;
            case TOOL_EXECUTION -> FinishReason.TOOL_CALLS;
            case CONTENT_FILTER -> FinishReason.CONTENT_FILTER;
            default -> FinishReason.OTHER;
        };
    }

    private static List<ToolExecutionRequest> requests(List<ToolCall> calls) {
        return calls.stream().map(c -> ToolExecutionRequest.builder().id(c.id()).name(c.name()).arguments(c.arguments()).build()).toList();
    }
}
