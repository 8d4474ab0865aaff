package dev.chassis.work.yaml;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/** The shape of a workflow YAML file, bound before it is checked and turned into a {@link dev.chassis.work.flow.Workflow}. */
record WorkflowFile(String name, String description, String instructions, PolicyFile policy, RunBudgetFile budget, Map<String, ServerFile> mcp,
                    List<StepFile> steps) {

    record ServerFile(List<String> command, Map<String, String> env, String url, Map<String, String> headers, List<String> readOnly,
                      String timeout) { }

    record StepFile(String id, String instruction, List<String> needs, ConditionFile when, List<String> tools, JsonNode output,
                    BudgetFile budget, String onExhausted, List<GateFile> gates, OfflineFile offline) { }

    record ConditionFile(String step, String path, String op, String value) { }

    record BudgetFile(Integer attempts, Integer iterations, Integer tokens, Double cost, String wallTime) { }

    record RunBudgetFile(Integer tokens, Double cost, String wallTime) { }

    record PolicyFile(@JsonProperty("default") String otherwise, List<RuleFile> rules, List<LimitFile> limits) { }

    record RuleFile(String tool, String effect, Map<String, String> arguments, String reason) { }

    record LimitFile(String tool, Integer calls, String per) { }

    record GateFile(String name, List<String> command, String timeout, String judge, Double threshold, String approval, String read,
                    String predicate, String pattern, String reason) { }

    record OfflineFile(List<CallFile> calls, JsonNode output) { }

    record CallFile(String tool, JsonNode arguments) { }
}
