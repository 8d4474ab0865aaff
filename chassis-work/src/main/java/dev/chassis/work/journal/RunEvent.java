package dev.chassis.work.journal;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.chassis.core.journal.JournalCodec;
import dev.chassis.core.tool.ToolCall;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What happened in a run, each under a key that the orchestration derives deterministically (step,
 * attempt, iteration, call), so replay finds it again. A closed set; the sets inside it (statuses,
 * verdicts, outcomes, kinds of pause) are enums journaled by their lower-case names, as before they
 * were types, so journals of every version read alike.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.SIMPLE_NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(RunEvent.Started.class), @JsonSubTypes.Type(RunEvent.StepStarted.class),
        @JsonSubTypes.Type(RunEvent.ModelCalled.class), @JsonSubTypes.Type(RunEvent.ToolStarted.class),
        @JsonSubTypes.Type(RunEvent.ToolFinished.class), @JsonSubTypes.Type(RunEvent.GateChecked.class),
        @JsonSubTypes.Type(RunEvent.StepEnded.class), @JsonSubTypes.Type(RunEvent.Paused.class),
        @JsonSubTypes.Type(RunEvent.Decided.class), @JsonSubTypes.Type(RunEvent.Finished.class)})
public sealed interface RunEvent {

    /** Run events to and from journal entries. */
    JournalCodec<RunEvent> CODEC = JournalCodec.of("run", RunEvent.class, RunEvent::at);

    Instant at();

    /** Unique in the run; the same action always has the same key. */
    String key();

    /** The step the event belongs to, if any (a run's start and end belong to none). */
    default Optional<String> stepId() {
        return switch (this) {
            case Started s -> Optional.empty();
            case Finished f -> Optional.empty();
            case StepStarted s -> Optional.of(s.step());
            case ModelCalled m -> Optional.of(m.step());
            case ToolStarted t -> Optional.of(t.step());
            case ToolFinished t -> Optional.of(t.step());
            case GateChecked g -> Optional.of(g.step());
            case StepEnded s -> Optional.of(s.step());
            case Paused p -> Optional.of(p.step());
            case Decided d -> Optional.of(d.step());
        };
    }

    /**
     * The run began.
     *
     * @param source  the workflow's source (YAML text, or {@code java:<name>})
     * @param inputs  the run's inputs
     * @param forkOf  the run this one was forked from, if any, and the step it was forked at
     * @param changes what a fork changed, and the workflow's folder
     * @param labels  what the application records about the run (what it runs, with which model), for listings
     */
    record Started(Instant at, String key, String runId, String workflow, String source,
                   @JsonDeserialize(using = EmbeddedJson.class) JsonNode inputs, String model, Optional<String> forkOf,
                   Optional<String> forkFrom, RunChanges changes, Map<String, String> labels) implements RunEvent {
        public Started {
            Objects.requireNonNull(inputs, "inputs");
            changes = Objects.requireNonNullElse(changes, RunChanges.in(""));
            forkOf = Objects.requireNonNullElse(forkOf, Optional.empty());
            forkFrom = Objects.requireNonNullElse(forkFrom, Optional.empty());
            labels = Map.copyOf(labels == null ? Map.of() : labels);
        }
    }

    record StepStarted(Instant at, String key, String step, int attempt) implements RunEvent { }

    /** A model call and its full result (replayed verbatim on resume). */
    record ModelCalled(Instant at, String key, String step, int attempt, int iteration, String model, String text,
                       List<ToolCall> toolCalls, int inputTokens, int outputTokens, double cost, long millis) implements RunEvent { }

    /** A tool call is about to run; {@code key} is also its idempotency key (the {@link ToolCall#id()} it gets). */
    record ToolStarted(Instant at, String key, String step, String tool, String arguments) implements RunEvent { }

    /**
     * A tool call ran (or was refused); its result is replayed on resume, the call never made again.
     *
     * @param policy the policy's verdict and the rule that decided, e.g. {@code denied (deny send_* /to=.*@example.org)}
     */
    record ToolFinished(Instant at, String key, String step, String tool, ToolOutcome outcome, String content, String policy, long millis)
            implements RunEvent {
        public ToolFinished {
            Objects.requireNonNull(outcome, "outcome");
        }
    }

    record GateChecked(Instant at, String key, String step, int attempt, String gate, Verdict verdict, List<String> findings, String note)
            implements RunEvent {
        public GateChecked {
            Objects.requireNonNull(verdict, "verdict");
            findings = List.copyOf(findings == null ? List.of() : findings);
        }
    }

    /** A step ended: succeeded with its output, failed with the reason, or skipped with why. */
    record StepEnded(Instant at, String key, String step, StepStatus status, String output, String reason, int attempts) implements RunEvent {
        public StepEnded {
            Objects.requireNonNull(status, "status");
        }
    }

    /**
     * The run paused for a person or for something outside.
     *
     * @param asks what is waiting for the decision, as the person should see it: the output to approve, or
     *             the tool call with its arguments (empty in journals written before it was recorded)
     */
    record Paused(Instant at, String key, String step, PauseKind kind, String reason, Optional<String> asks) implements RunEvent {
        public Paused {
            Objects.requireNonNull(kind, "kind");
            asks = Objects.requireNonNullElse(asks, Optional.empty());
        }
    }

    /** A person decided on a pause (or, for a wait, the run was resumed). */
    record Decided(Instant at, String key, String step, PauseKind kind, boolean approved, String by, String note) implements RunEvent {
        public Decided {
            Objects.requireNonNull(kind, "kind");
        }
    }

    /** The run ended: {@link RunStatus#SUCCEEDED} or {@link RunStatus#FAILED}. */
    record Finished(Instant at, String key, RunStatus status, String reason) implements RunEvent {
        public Finished {
            if (!Objects.requireNonNull(status, "status").ended()) {
                throw new IllegalArgumentException("a run finishes succeeded or failed, not " + status.label());
            }
        }
    }
}
