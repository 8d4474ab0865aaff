package dev.chassis.work.flow;

import dev.chassis.core.model.Prompt;
import dev.chassis.core.tool.ToolCall;
import dev.chassis.core.tool.ToolResult;
import dev.chassis.work.gate.Gate;
import dev.chassis.work.gate.GateVerdict;
import dev.chassis.work.journal.RunEvent;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * Everything orchestration may do to the world, each under a key: when the key is recorded the
 * recorded result is returned and nothing is done again. Implemented by the harness (locally, or as
 * Temporal activities).
 */
public interface Activities {

    /** Calls the model (with retries on transient failures), or replays the recorded call. */
    RunEvent.ModelCalled callModel(String key, String step, int attempt, int iteration, Prompt prompt);

    /**
     * Runs a tool call through the policy, or replays its recorded result; {@code call.id()} is the
     * idempotency key. A call the policy says to ask about, and no person has decided yet, does not run.
     */
    ToolStep callTool(String key, String step, ToolCall call);

    /** Checks a gate, or replays its recorded verdict. */
    GateVerdict checkGate(String key, String step, int attempt, Gate gate, String output);

    /** Records an orchestration event (a step started or ended, a pause, the run's end) once, under its key. */
    void record(RunEvent event);

    /** The time for a new event (recorded events keep theirs). */
    Instant now();

    /** Runs tasks concurrently and waits for all, in order; the first failure is rethrown after all ended. */
    <T> List<T> inParallel(List<Supplier<T>> tasks);

    /** What came of asking for a tool call: a closed set. */
    sealed interface ToolStep {

        /** The call ran, was refused, or a person decided on it: the result goes back to the model. */
        record Done(ToolResult result) implements ToolStep { }

        /**
         * The policy says a person must allow this call first; it has not run.
         *
         * @param reason why (the policy rule's reason)
         * @param asks   the call as the person should see it: the tool and its arguments
         */
        record Ask(String reason, String asks) implements ToolStep { }
    }
}
