package dev.chassis.work.flow;

import dev.chassis.core.tool.ToolSpec;
import dev.chassis.work.gate.Gate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What the harness gives every step: the tools by name, the system text (role, instruction map,
 * context notes from the ledger), and the gates that apply to a step besides its own (its schema
 * gate, output guards from the ledger).
 */
public record Environment(Map<String, ToolSpec> tools, String systemText, Function<StepDef, List<Gate>> extraGates,
                          List<ToolSpec> alwaysAvailable) {

    public Environment {
        tools = Map.copyOf(tools);
        alwaysAvailable = List.copyOf(alwaysAvailable);
    }
}
