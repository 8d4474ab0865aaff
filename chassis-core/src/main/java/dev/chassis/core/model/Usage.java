package dev.chassis.core.model;

import dev.chassis.core.token.Tokenizer;
import dev.chassis.core.token.Tokenizers;
import dev.chassis.core.tool.ToolCall;
import java.util.List;

/**
 * Tokens a call consumed. {@code estimated} is true when the engine counted them itself (offline,
 * or a provider that reported none) rather than taking the provider's figures.
 */
public record Usage(int inputTokens, int outputTokens, boolean estimated) {

    public static final Usage ZERO = new Usage(0, 0, false);

    public Usage {
        if (inputTokens < 0 || outputTokens < 0) {
            throw new IllegalArgumentException("token counts must not be negative");
        }
    }

    public int totalTokens() {
        return inputTokens + outputTokens;
    }

    public Usage plus(Usage other) {
        return new Usage(inputTokens + other.inputTokens, outputTokens + other.outputTokens, estimated || other.estimated);
    }

    /** Counts a call's tokens with the default tokenizer, for engines whose provider reports none. */
    public static Usage estimate(Prompt prompt, String output, List<ToolCall> toolCalls) {
        Tokenizer tokenizer = Tokenizers.defaultTokenizer();
        int in = 0;
        for (Message m : prompt.messages()) {
            in += tokenizer.count(m.text()) + 4;
        }
        if (prompt.intent().isPresent()) {
            in += tokenizer.count(prompt.intent().get().render());
        }
        int out = tokenizer.count(output);
        for (ToolCall call : toolCalls) {
            out += tokenizer.count(call.name()) + tokenizer.count(call.arguments());
        }
        return new Usage(in, out, true);
    }
}
