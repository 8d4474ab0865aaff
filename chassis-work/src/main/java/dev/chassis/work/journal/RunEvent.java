package dev.chassis.work.journal;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.chassis.core.tool.ToolCall;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What happened in a run, each under a key that the orchestration derives deterministically (step,
 * attempt, iteration, call), so replay finds it again. A closed set.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.SIMPLE_NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(RunEvent.Started.class), @JsonSubTypes.Type(RunEvent.StepStarted.class),
        @JsonSubTypes.Type(RunEvent.ModelCalled.class), @JsonSubTypes.Type(RunEvent.ToolStarted.class),
        @JsonSubTypes.Type(RunEvent.ToolFinished.class), @JsonSubTypes.Type(RunEvent.GateChecked.class),
        @JsonSubTypes.Type(RunEvent.StepEnded.class), @JsonSubTypes.Type(RunEvent.Paused.class),
        @JsonSubTypes.Type(RunEvent.Decided.class), @JsonSubTypes.Type(RunEvent.Finished.class)})
public sealed interface RunEvent {

    Instant at();

    /** Unique in the run; the same action always has the same key. */
    String key();

    /**
     * The run began.
     *
     * @param source   the workflow's source (YAML text, or {@code java:<name>})
     * @param inputs   the run's inputs as JSON
     * @param forkOf   the run this one was forked from, if any, and the step it was forked at
     * @param changes  what a fork changed, as JSON ({@code {"instructions": {step: text}}}), or empty
     */
    record Started(Instant at, String key, String runId, String workflow, String source, String inputs, String model,
                   Optional<String> forkOf, Optional<String> forkFrom, String changes) implements RunEvent { }

    record StepStarted(Instant at, String key, String step, int attempt) implements RunEvent { }

    /** A model call and its full result (replayed verbatim on resume). */
    record ModelCalled(Instant at, String key, String step, int attempt, int iteration, String model, String text,
                       List<ToolCall> toolCalls, int inputTokens, int outputTokens, double cost, long millis) implements RunEvent { }

    /** A tool call is about to run; {@code key} is also its idempotency key (the {@link ToolCall#id()} it gets). */
    record ToolStarted(Instant at, String key, String step, String tool, String arguments) implements RunEvent { }

    /** A tool call ran (or was refused); its result is replayed on resume, the call never made again. */
    record ToolFinished(Instant at, String key, String step, String tool, String outcome, String content, String policy, long millis)
            implements RunEvent { }

    record GateChecked(Instant at, String key, String step, int attempt, String gate, String verdict, List<String> findings, String note)
            implements RunEvent { }

    /** A step ended: {@code succeeded} with its output, {@code failed} with the reason, or {@code skipped}. */
    record StepEnded(Instant at, String key, String step, String status, String output, String reason, int attempts) implements RunEvent { }

    /** The run paused for a person: {@code kind} is approval, budget or escalation. */
    record Paused(Instant at, String key, String step, String kind, String reason) implements RunEvent { }

    /** A person decided on a pause. */
    record Decided(Instant at, String key, String step, String kind, boolean approved, String by, String note) implements RunEvent { }

    /** The run ended: {@code succeeded} or {@code failed}. */
    record Finished(Instant at, String key, String status, String reason) implements RunEvent { }
}
