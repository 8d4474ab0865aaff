package dev.chassis.work.flow;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chassis.work.journal.PauseKind;

/** How a step ended this time round: a closed set. */
public sealed interface StepResult {

    record Succeeded(JsonNode output) implements StepResult { }

    record Failed(String reason) implements StepResult { }

    record Skipped(String reason) implements StepResult { }

    /** Waiting for a person, or for something outside. */
    record Paused(PauseKind kind, String reason) implements StepResult { }
}
