package dev.chassis.work.flow;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chassis.core.model.Intent;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The work harness's structured intent for one model call of a step: what the step must produce.
 * A real model reads {@link #render()}; the offline engine follows {@link #plan()}.
 *
 * @param inputs   earlier steps' outputs by step id ({@code input} is the run's inputs)
 * @param findings what the gates found wrong with the previous attempt
 */
public record StepIntent(String workflow, String step, String instruction, Optional<String> outputSchema, Map<String, JsonNode> inputs,
                         List<String> findings, Optional<OfflinePlan> plan) implements Intent {

    @Override
    public String render() {
        StringBuilder sb = new StringBuilder("Do step '").append(step).append("' of workflow '").append(workflow).append("': ")
                .append(instruction);
        outputSchema.ifPresent(s -> sb.append("\nAnswer with JSON only, matching this JSON Schema: ").append(s));
        if (!findings.isEmpty()) {
            sb.append("\nYour previous attempt was refused. Fix these findings:");
            findings.forEach(f -> sb.append("\n- ").append(f));
        }
        return sb.toString();
    }
}
