package dev.chassis.work.flow;

import dev.chassis.core.tool.ToolSpec;
import dev.chassis.work.gate.Gate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * What the harness gives every step of a run: the tools by name, the system text (role, instruction
 * map, context notes from the ledger), the gates that apply to a step besides its own (its schema gate,
 * output guards from the ledger), the tools every step may use, and the run's own budget.
 */
public record Environment(Map<String, ToolSpec> tools, String systemText, Function<StepDef, List<Gate>> extraGates,
                          List<ToolSpec> alwaysAvailable, RunBudget runBudget) {

    public Environment {
        tools = Map.copyOf(tools);
        alwaysAvailable = List.copyOf(alwaysAvailable);
        Objects.requireNonNull(runBudget, "runBudget");
    }
}
