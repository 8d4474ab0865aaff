package dev.chassis.work.flow;

import dev.chassis.work.gate.Gate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One step of a workflow.
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
}
