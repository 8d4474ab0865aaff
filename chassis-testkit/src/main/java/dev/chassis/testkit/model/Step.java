package dev.chassis.testkit.model;

import dev.chassis.core.model.ModelException;
import dev.chassis.core.tool.ToolCall;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/** One scripted answer of a {@link ScriptedModel}: a closed set. */
public sealed interface Step {

    /** Streams {@code text}, the first token after {@code firstToken}, then one token every {@code perToken}. */
    record Reply(String text, Duration firstToken, Duration perToken) implements Step {
        public Reply {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(firstToken, "firstToken");
            Objects.requireNonNull(perToken, "perToken");
        }
    }

    /** Asks for tool calls (after optional text). */
    record CallTools(String text, List<ToolCall> calls) implements Step {
        public CallTools {
            Objects.requireNonNull(text, "text");
            calls = List.copyOf(calls);
        }
    }

    /** Fails with the exception made from the model's name, after {@code after}. */
    record Fail(Function<String, ModelException> failure, Duration after) implements Step {
        public Fail {
            Objects.requireNonNull(failure, "failure");
            Objects.requireNonNull(after, "after");
        }
    }

    /** Never answers: only a cancel or the deadline ends it. */
    record Hang() implements Step { }

    static Step reply(String text) {
        return new Reply(text, Duration.ZERO, Duration.ZERO);
    }

    static Step reply(String text, Duration firstToken, Duration perToken) {
        return new Reply(text, firstToken, perToken);
    }

    static Step toolCall(String name, String argumentsJson) {
        return new CallTools("", List.of(new ToolCall("call-" + name, name, argumentsJson)));
    }

    static Step fail(Function<String, ModelException> failure) {
        return new Fail(failure, Duration.ZERO);
    }

    static Step hang() {
        return new Hang();
    }
}
