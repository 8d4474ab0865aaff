package dev.chassis.work.flow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chassis.work.gate.Gate;
import dev.chassis.work.gate.RecordSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One step of a workflow. Made with {@link #builder(String)} (or a workflow builder's {@code step}), changed
 * with {@code withX} copies.
 *
 * @param id           unique in the workflow
 * @param instruction  what the agent must do
 * @param needs        steps whose outputs this one takes as input (and must wait for)
 * @param when         a condition on earlier outputs; when false the step is skipped
 * @param tools        the tools it may use (names of tools registered with the harness)
 * @param outputSchema a JSON Schema its output must satisfy (checked by an implicit schema gate)
 * @param gates        further checks of its output
 * @param budget       attempts, iterations, tokens, cost and time
 * @param onExhausted  what happens when the attempts are used up
 * @param offline      how the offline engine does it
 */
public record StepDef(String id, String instruction, List<String> needs, Optional<Condition> when, List<String> tools,
                      Optional<String> outputSchema, List<Gate> gates, StepBudget budget, Escalation onExhausted,
                      Optional<OfflinePlan> offline) {

    public StepDef {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(instruction, "instruction");
        needs = List.copyOf(needs);
        Objects.requireNonNull(when, "when");
        tools = List.copyOf(tools);
        Objects.requireNonNull(outputSchema, "outputSchema");
        gates = List.copyOf(gates);
        Objects.requireNonNull(budget, "budget");
        Objects.requireNonNull(onExhausted, "onExhausted");
        Objects.requireNonNull(offline, "offline");
    }

    /** A builder of a step with this id (1-64 letters, digits, '_' or '-'). */
    public static Builder builder(String id) {
        return new Builder(id);
    }

    /** The same step with another instruction (a fork's change). */
    public StepDef withInstruction(String text) {
        return toBuilder().instruction(text).build();
    }

    /** The same step with another budget. */
    public StepDef withBudget(StepBudget b) {
        return toBuilder().budget(b).build();
    }

    private Builder toBuilder() {
        Builder b = builder(id).instruction(instruction).needs(needs.toArray(String[]::new)).tools(tools.toArray(String[]::new))
                .budget(budget).onExhausted(onExhausted);
        when.ifPresent(b::when);
        outputSchema.ifPresent(b::outputSchema);
        gates.forEach(b::gate);
        offline.ifPresent(b::offline);
        return b;
    }

    /** Configures one step; each setter checks its argument. Not thread-safe. */
    public static final class Builder {
        // empty optionals are left out, as a model leaves out what it does not know
        private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
                .setSerializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_ABSENT)
                .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

        private final String id;
        private String instruction = "";
        private final List<String> needs = new ArrayList<>();
        private Condition when;
        private final List<String> tools = new ArrayList<>();
        private String outputSchema;
        private final List<Gate> gates = new ArrayList<>();
        private StepBudget budget = StepBudget.DEFAULT;
        private Escalation onExhausted = Escalation.FAIL;
        private OfflinePlan offline;
        private Typed<?, ?> typed;

        private Builder(String id) {
            if (id == null || !id.matches("[A-Za-z0-9_-]{1,64}")) {
                throw new IllegalArgumentException("step id '" + id + "' must be 1-64 letters, digits, '_' or '-'");
            }
            this.id = id;
        }

        public Builder instruction(String text) {
            this.instruction = Objects.requireNonNull(text, "instruction");
            return this;
        }

        public Builder needs(String... steps) {
            needs.addAll(List.of(steps));
            return this;
        }

        public Builder when(Condition condition) {
            this.when = Objects.requireNonNull(condition, "condition");
            return this;
        }

        public Builder tools(String... names) {
            tools.addAll(List.of(names));
            return this;
        }

        /** The JSON Schema the output must satisfy (a schema gate checks it). */
        public Builder outputSchema(String jsonSchema) {
            this.outputSchema = Objects.requireNonNull(jsonSchema, "jsonSchema");
            return this;
        }

        /** The output is a {@code type} (a record): the schema gate is derived from it ({@link RecordSchema}). */
        public Builder output(Class<?> type) {
            return outputSchema(RecordSchema.of(type));
        }

        public Builder gate(Gate gate) {
            gates.add(Objects.requireNonNull(gate, "gate"));
            return this;
        }

        public Builder budget(StepBudget b) {
            this.budget = Objects.requireNonNull(b, "budget");
            return this;
        }

        public Builder onExhausted(Escalation e) {
            this.onExhausted = Objects.requireNonNull(e, "escalation");
            return this;
        }

        public Builder offline(OfflinePlan plan) {
            this.offline = Objects.requireNonNull(plan, "plan");
            this.typed = null;
            return this;
        }

        /** Offline, the output is computed from the inputs by {@code function} (earlier steps' outputs by step id, the run's as {@code input}). */
        public Builder offline(OfflinePlan.StepFunction function) {
            return offline(new OfflinePlan.Compute(function));
        }

        /**
         * Offline, the output is {@code function} of the step's input bound to {@code inputType}: the output of
         * the step it needs when it needs one, the run's input when it needs none, or, when it needs several,
         * an object with each one's output under its step id (and the run's under {@code input}).
         */
        public <I, O> Builder offline(Class<I> inputType, Function<I, O> function) {
            this.typed = new Typed<>(Objects.requireNonNull(inputType, "inputType"), Objects.requireNonNull(function, "function"));
            this.offline = null;
            return this;
        }

        /** The step. */
        public StepDef build() {
            OfflinePlan plan = typed != null ? new OfflinePlan.Compute(typed.bound(List.copyOf(needs))) : offline;
            return new StepDef(id, instruction, needs, Optional.ofNullable(when), tools, Optional.ofNullable(outputSchema), gates, budget,
                    onExhausted, Optional.ofNullable(plan));
        }

        private record Typed<I, O>(Class<I> input, Function<I, O> function) {

            /** The needed steps' outputs under their ids, and the run's input under {@code input}. */
            private static JsonNode byStep(List<String> needs, Map<String, JsonNode> inputs) {
                var out = JSON.createObjectNode();
                for (String need : needs) {
                    out.set(need, inputs.get(need));
                }
                if (inputs.containsKey("input")) {
                    out.set("input", inputs.get("input"));
                }
                return out;
            }

            OfflinePlan.StepFunction bound(List<String> needs) {
                return inputs -> {
                    JsonNode source = needs.size() == 1 ? inputs.get(needs.getFirst()) : needs.isEmpty() ? inputs.get("input") : byStep(needs, inputs);
                    source = source == null ? JSON.createObjectNode() : source;
                    try {
                        O out = function.apply(JSON.treeToValue(source, input));
                        return out instanceof String s ? s : JSON.writeValueAsString(out);
                    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                        throw new IllegalArgumentException("the input does not fit " + input.getSimpleName() + ": " + e.getOriginalMessage(), e);
                    }
                };
            }
        }
    }
}
