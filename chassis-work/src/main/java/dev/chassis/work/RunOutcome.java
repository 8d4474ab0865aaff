package dev.chassis.work;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Where a run got to: finished (succeeded or failed) or paused for a person.
 *
 * @param outputs the outputs of the steps that succeeded, by step id
 * @param reason  why it failed or what it waits for; empty on success
 * @param pending the pause to decide on, when paused
 */
public record RunOutcome(String runId, Status status, Map<String, JsonNode> outputs, String reason, Usage usage, Optional<Pause> pending) {

    /** The state of a run. */
    public enum Status { SUCCEEDED, FAILED, PAUSED }

    /** A pause waiting for a decision: {@code kind} is approval, budget or escalation. */
    public record Pause(String step, String kind, String reason) { }

    /**
     * What a run used, over all its steps.
     *
     * @param time time spent in model and tool calls
     */
    public record Usage(int modelCalls, int toolCalls, int tokens, double cost, Duration time) { }

    public boolean succeeded() {
        return status == Status.SUCCEEDED;
    }
}
