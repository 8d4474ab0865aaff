package dev.chassis.work.flow;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;

/**
 * How a step is done without a model, deterministically: what the offline engine does in place of
 * the model's reasoning. Side effects still go through tools, journaled like a model's calls.
 */
public sealed interface OfflinePlan {

    /**
     * Calls tools in order, then answers with {@code output}: a template in which {@code ${call.N}} is the
     * result of the N-th call (from 0) and {@code ${input.step}} an earlier step's output; when empty, the
     * answer is the last call's result.
     */
    record Calls(List<PlannedCall> calls, String output) implements OfflinePlan {
        public Calls {
            calls = List.copyOf(calls);
            output = output == null ? "" : output;
        }
    }

    /** Computes the output from the inputs (earlier steps' outputs by step id), without side effects. */
    record Compute(StepFunction function) implements OfflinePlan {
        public Compute {
            Objects.requireNonNull(function, "function");
        }
    }

    /** A tool call in a plan; {@code ${input.step}} in the arguments is replaced by that step's output. */
    record PlannedCall(String tool, String arguments) {
        public PlannedCall {
            Objects.requireNonNull(tool, "tool");
            arguments = arguments == null || arguments.isBlank() ? "{}" : arguments;
        }
    }

    /** A pure function from the inputs to the step's output (JSON text). */
    @FunctionalInterface
    interface StepFunction {
        String apply(java.util.Map<String, JsonNode> inputs);
    }
}
