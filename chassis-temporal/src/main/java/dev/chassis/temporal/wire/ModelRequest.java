package dev.chassis.temporal.wire;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chassis.work.journal.RunEvent;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One model call of a step: the conversation so far and the step's intent (what it must produce, from what).
 *
 * @param run      the run's start (the worker builds the run from it)
 * @param key      the call's key in the run
 * @param tools    the tools offered, by name
 * @param inputs   earlier steps' outputs by step id ({@code input}: the run's)
 * @param findings what the gates found wrong with the previous attempt
 */
public record ModelRequest(RunEvent.Started run, String key, String step, int attempt, int iteration, List<WireMessage> messages,
                           List<String> tools, Map<String, JsonNode> inputs, List<String> findings) {

    public ModelRequest {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(key, "key");
        messages = List.copyOf(messages);
        tools = List.copyOf(tools);
        inputs = Map.copyOf(inputs);
        findings = List.copyOf(findings);
    }
}
