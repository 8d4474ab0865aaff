package dev.chassis.work.flow;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chassis.core.model.Message;
import dev.chassis.core.model.Prompt;
import dev.chassis.core.text.JsonAnswer;
import dev.chassis.core.tool.ToolCall;
import dev.chassis.core.tool.ToolResult;
import dev.chassis.core.tool.ToolSpec;
import dev.chassis.work.journal.PauseKind;
import dev.chassis.work.journal.RunEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One attempt of one step: model calls and tool calls until the model answers without calling a
 * tool, up to the step's iteration limit, within its budget. Deterministic given the recorded model
 * and tool results and decisions.
 */
final class AgentLoop {

    /** What an attempt produced: a closed set. */
    sealed interface Outcome {
        record Answer(String text) implements Outcome { }

        record Failure(String reason, boolean fatal) implements Outcome { }

        /** Near a budget: ask a person whether to go on ({@code runWide} for the run's budget, else the step's). */
        record AskBudget(boolean runWide, String reason) implements Outcome { }

        /** A pause already journaled (a tool call waiting for a person). */
        record Paused(PauseKind kind, String reason) implements Outcome { }
    }

    private final Workflow workflow;
    private final Environment env;
    private final Activities activities;
    private final BudgetCheck budget;

    AgentLoop(Workflow workflow, Environment env, Activities activities, BudgetCheck budget) {
        this.workflow = workflow;
        this.env = env;
        this.activities = activities;
        this.budget = budget;
    }

    Outcome attempt(StepDef step, int attempt, Map<String, JsonNode> inputs, List<String> findings) {
        List<ToolSpec> tools = new ArrayList<>(env.alwaysAvailable());
        step.tools().forEach(t -> tools.add(env.tools().get(t)));
        StepIntent intent = new StepIntent(workflow.name(), step.id(), step.instruction(), step.outputSchema(), inputs, findings, step.offline());
        List<Message> messages = new ArrayList<>();
        messages.add(Message.system(env.systemText()));
        messages.add(Message.user(userText(step, inputs, findings)));
        for (int iteration = 0; iteration < step.budget().iterations(); iteration++) {
            Optional<Outcome> stop = budget.check(step, attempt);
            if (stop.isPresent()) {
                return stop.get();
            }
            Prompt prompt = Prompt.of(messages).withTools(tools).withIntent(intent);
            RunEvent.ModelCalled call;
            try {
                call = activities.callModel(EventKeys.model(step.id(), attempt, iteration), step.id(), attempt, iteration, prompt);
            } catch (RuntimeException e) {
                return new Outcome.Failure("the model failed: " + e.getMessage(), false);
            }
            if (call.toolCalls().isEmpty()) {
                return new Outcome.Answer(call.text());
            }
            messages.add(Message.assistant(call.text(), call.toolCalls()));
            for (int i = 0; i < call.toolCalls().size(); i++) {
                ToolCall requested = call.toolCalls().get(i);
                String key = EventKeys.tool(step.id(), attempt, iteration, i);
                ToolResult result;
                if (!allowed(step, requested.name())) {
                    result = new ToolResult.Refused("tool '" + requested.name() + "' is not available in step '" + step.id() + "'");
                } else {
                    switch (activities.callTool(key, step.id(), new ToolCall(key, requested.name(), requested.arguments()))) {
                        case Activities.ToolStep.Done done -> result = done.result();
                        case Activities.ToolStep.Ask ask -> {
                            String reason = "tool call " + requested.name() + " needs a person's approval: " + ask.reason();
                            activities.record(new RunEvent.Paused(activities.now(), EventKeys.toolPause(key), step.id(), PauseKind.TOOL, reason,
                                    Optional.of(ask.asks())));
                            return new Outcome.Paused(PauseKind.TOOL, reason);
                        }
                    }
                }
                messages.add(Message.toolResult(requested, result.content()));
            }
        }
        return new Outcome.Failure("no answer after " + step.budget().iterations() + " model calls", false);
    }

    private boolean allowed(StepDef step, String tool) {
        return step.tools().contains(tool) || env.alwaysAvailable().stream().anyMatch(t -> t.name().equals(tool));
    }

    private static String userText(StepDef step, Map<String, JsonNode> inputs, List<String> findings) {
        StringBuilder sb = new StringBuilder("Step '").append(step.id()).append("': ").append(step.instruction());
        for (String need : step.needs()) {
            JsonNode in = inputs.get(need);
            if (in != null) {
                sb.append("\n\nOutput of step '").append(need).append("':\n").append(JsonAnswer.text(in));
            }
        }
        JsonNode runInput = inputs.get("input");
        if (runInput != null && !runInput.isEmpty()) {
            sb.append("\n\nRun inputs:\n").append(JsonAnswer.text(runInput));
        }
        step.outputSchema().ifPresent(s -> sb.append("\n\nAnswer with JSON only, matching this JSON Schema:\n").append(s));
        if (!findings.isEmpty()) {
            sb.append("\n\nYour previous attempt was refused by these checks; fix them:");
            findings.forEach(f -> sb.append("\n- ").append(f));
        }
        return sb.toString();
    }
}
