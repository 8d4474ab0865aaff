package dev.chassis.work;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chassis.work.journal.PauseKind;
import dev.chassis.work.journal.RunStatus;
import dev.chassis.work.journal.RunUsage;
import java.util.Map;
import java.util.Optional;

/**
 * Where a run got to: finished (succeeded or failed) or paused for a person.
 *
 * @param outputs the outputs of the steps that succeeded, by step id
 * @param reason  why it failed or what it waits for; empty on success
 * @param pending the pause to decide on, when paused
 */
public record RunOutcome(String runId, RunStatus status, Map<String, JsonNode> outputs, String reason, RunUsage usage, Optional<Pause> pending) {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    /**
     * A pause waiting for a decision.
     *
     * @param asks what the decision is about, as a person should see it: the output to approve (a draft) or
     *             the tool call with its arguments; empty when the pause is about the run itself (a budget, a wait)
     */
    public record Pause(String step, PauseKind kind, String reason, Optional<String> asks) { }

    public boolean succeeded() {
        return status == RunStatus.SUCCEEDED;
    }

    /**
     * A step's output bound to a type (a record whose components are the output's fields).
     *
     * @throws IllegalArgumentException when the step has no output or it does not fit the type
     */
    public <T> T output(String step, Class<T> type) {
        JsonNode out = outputs.get(step);
        if (out == null) {
            throw new IllegalArgumentException("run '" + runId + "' has no output of step '" + step + "'; outputs: " + outputs.keySet());
        }
        try {
            return JSON.treeToValue(out, type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("the output of step '" + step + "' does not fit " + type.getSimpleName() + ": "
                    + e.getOriginalMessage(), e);
        }
    }
}
