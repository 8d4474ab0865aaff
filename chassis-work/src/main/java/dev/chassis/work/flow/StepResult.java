package dev.chassis.work.flow;

import com.fasterxml.jackson.databind.JsonNode;

/** How a step ended this time round: a closed set. */
public sealed interface StepResult {

    record Succeeded(JsonNode output) implements StepResult { }

    record Failed(String reason) implements StepResult { }

    record Skipped(String reason) implements StepResult { }

    /** Waiting for a person: {@code kind} is approval, budget or escalation. */
    record Paused(String kind, String reason) implements StepResult { }
}
