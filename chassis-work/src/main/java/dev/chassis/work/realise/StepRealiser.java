package dev.chassis.work.realise;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chassis.core.model.Message;
import dev.chassis.core.model.OfflineRealiser;
import dev.chassis.core.model.Prompt;
import dev.chassis.core.tool.ToolCall;
import dev.chassis.work.flow.OfflinePlan;
import dev.chassis.core.text.JsonAnswer;
import dev.chassis.work.flow.StepIntent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Does a step without a model by following its offline plan: calls the planned tools one per model
 * call (counting the tool results already in the prompt), then answers from the output template; or
 * computes the answer from the inputs. A step without a plan gets an answer that says so, which its
 * gates will refuse. Deterministic.
 */
public final class StepRealiser implements OfflineRealiser<StepIntent> {

    @Override
    public Class<StepIntent> intentType() {
        return StepIntent.class;
    }

    @Override
    public Reply realise(StepIntent intent, Prompt prompt) {
        if (intent.plan().isEmpty()) {
            return Reply.text("The offline engine has no plan for step '" + intent.step() + "'; give it one (offline:) or use a model.");
        }
        return switch (intent.plan().get()) {
            case OfflinePlan.Compute c -> Reply.text(c.function().apply(intent.inputs()));
            case OfflinePlan.Calls calls -> follow(intent, calls, prompt);
        };
    }

    private static Reply follow(StepIntent intent, OfflinePlan.Calls plan, Prompt prompt) {
        List<Message.ToolResultMessage> results = prompt.messages().stream()
                .filter(Message.ToolResultMessage.class::isInstance).map(Message.ToolResultMessage.class::cast).toList();
        Map<String, JsonNode> values = new HashMap<>();
        intent.inputs().forEach((step, out) -> values.put("input." + step, out));
        for (int i = 0; i < results.size(); i++) {
            values.put("call." + i, JsonAnswer.node(results.get(i).text()));
        }
        int next = results.size();
        if (next < plan.calls().size()) {
            OfflinePlan.PlannedCall call = plan.calls().get(next);
            return Reply.toolCalls(List.of(new ToolCall("offline-" + next, call.tool(), PlanPlaceholders.fill(call.arguments(), values))));
        }
        if (plan.output().isBlank()) {
            return Reply.text(results.isEmpty() ? "{}" : results.getLast().text());
        }
        return Reply.text(PlanPlaceholders.fill(plan.output(), values));
    }
}
