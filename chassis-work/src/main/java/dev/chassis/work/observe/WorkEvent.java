package dev.chassis.work.observe;

import dev.chassis.core.event.HarnessEvent;
import dev.chassis.work.journal.PauseKind;
import dev.chassis.work.journal.RunStatus;
import dev.chassis.work.journal.StepStatus;
import dev.chassis.work.journal.ToolOutcome;
import dev.chassis.work.journal.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Events of the work harness, each with its run: a closed set. */
public sealed interface WorkEvent extends HarnessEvent {

    String runId();

    record StepStarted(Instant at, String runId, String step, int attempt) implements WorkEvent {
        public String kind() {
            return "work.step-started";
        }
    }

    /** A model call of a step, with its tokens, cost and time. */
    record ModelCalled(Instant at, String runId, String step, int attempt, int tokens, double cost, Duration took) implements WorkEvent {
        public String kind() {
            return "work.model-called";
        }
    }

    /** A tool call is about to run: its intent is in the journal, under {@code key} (its idempotency key). */
    record ToolStarted(Instant at, String runId, String step, String tool, String key) implements WorkEvent {
        public String kind() {
            return "work.tool-started";
        }
    }

    record ToolCalled(Instant at, String runId, String step, String tool, ToolOutcome outcome, Duration took) implements WorkEvent {
        public String kind() {
            return "work.tool-called";
        }
    }

    record GateChecked(Instant at, String runId, String step, int attempt, String gate, Verdict verdict) implements WorkEvent {
        public String kind() {
            return "work.gate-checked";
        }
    }

    record StepEnded(Instant at, String runId, String step, StepStatus status, int attempts) implements WorkEvent {
        public String kind() {
            return "work.step-ended";
        }
    }

    /** The run paused; {@code asks} is what waits for a person's decision (a draft, a tool call), when there is one. */
    record RunPaused(Instant at, String runId, String step, PauseKind pause, String reason, Optional<String> asks) implements WorkEvent {
        public String kind() {
            return "work.run-paused";
        }
    }

    record RunFinished(Instant at, String runId, RunStatus status, String reason) implements WorkEvent {
        public String kind() {
            return "work.run-finished";
        }
    }

    /** The journal took {@code entries} of the run in one write (a group commit), durable after {@code took}. */
    record JournalWritten(Instant at, String runId, int entries, Duration took) implements WorkEvent {
        public String kind() {
            return "work.journal-written";
        }
    }
}
