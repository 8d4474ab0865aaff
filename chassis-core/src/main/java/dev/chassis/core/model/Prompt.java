package dev.chassis.core.model;

import dev.chassis.core.tool.ToolSpec;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * Everything a model is given for one call: messages, the tools it may call, the caller's structured
 * {@link Intent} and sampling options. Immutable; change it with the {@code withX} copies.
 *
 * <pre>{@code
 * Prompt p = Prompt.of(Message.system("You interview people."), Message.user("Hi"))
 *         .withIntent(directive)
 *         .withMaxOutputTokens(200);
 * }</pre>
 */
public record Prompt(
        List<Message> messages,
        List<ToolSpec> tools,
        Optional<Intent> intent,
        OptionalDouble temperature,
        OptionalInt maxOutputTokens) {

    public Prompt {
        messages = List.copyOf(messages);
        tools = List.copyOf(tools);
        Objects.requireNonNull(intent, "intent");
        Objects.requireNonNull(temperature, "temperature");
        Objects.requireNonNull(maxOutputTokens, "maxOutputTokens");
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("a prompt needs at least one message");
        }
        if (maxOutputTokens.isPresent() && maxOutputTokens.getAsInt() <= 0) {
            throw new IllegalArgumentException("maxOutputTokens must be positive, was " + maxOutputTokens.getAsInt());
        }
    }

    public static Prompt of(Message... messages) {
        return of(List.of(messages));
    }

    public static Prompt of(List<Message> messages) {
        return new Prompt(messages, List.of(), Optional.empty(), OptionalDouble.empty(), OptionalInt.empty());
    }

    public Prompt withMessages(List<Message> newMessages) {
        return new Prompt(newMessages, tools, intent, temperature, maxOutputTokens);
    }

    public Prompt withTools(List<ToolSpec> newTools) {
        return new Prompt(messages, newTools, intent, temperature, maxOutputTokens);
    }

    public Prompt withIntent(Intent newIntent) {
        return new Prompt(messages, tools, Optional.of(newIntent), temperature, maxOutputTokens);
    }

    public Prompt withTemperature(double value) {
        return new Prompt(messages, tools, intent, OptionalDouble.of(value), maxOutputTokens);
    }

    public Prompt withMaxOutputTokens(int value) {
        return new Prompt(messages, tools, intent, temperature, OptionalInt.of(value));
    }

    /** The text of the last user message, or empty when there is none. */
    public String lastUserText() {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i) instanceof Message.UserMessage u) {
                return u.text();
            }
        }
        return "";
    }
}
