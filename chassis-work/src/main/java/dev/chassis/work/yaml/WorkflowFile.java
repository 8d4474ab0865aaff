package dev.chassis.work.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** The shape of a workflow YAML file, bound before it is checked and turned into a {@link dev.chassis.work.flow.Workflow}. */
record WorkflowFile(String name, String description, String instructions, List<StepFile> steps) {

    record StepFile(String id, String instruction, List<String> needs, ConditionFile when, List<String> tools, JsonNode output,
                    BudgetFile budget, String onExhausted, List<GateFile> gates, OfflineFile offline) { }

    record ConditionFile(String step, String path, String op, String value) { }

    record BudgetFile(Integer attempts, Integer iterations, Integer tokens, Double cost, String wallTime) { }

    record GateFile(String name, List<String> command, String timeout, String judge, Double threshold, String approval, String read,
                    String predicate, String pattern, String reason) { }

    record OfflineFile(List<CallFile> calls, JsonNode output) { }

    record CallFile(String tool, JsonNode arguments) { }
}
