package dev.chassis.work.observe;

import dev.chassis.core.event.HarnessEvent;
import java.time.Duration;
import java.time.Instant;

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

    record ToolCalled(Instant at, String runId, String step, String tool, String outcome, Duration took) implements WorkEvent {
        public String kind() {
            return "work.tool-called";
        }
    }

    record GateChecked(Instant at, String runId, String step, int attempt, String gate, String verdict) implements WorkEvent {
        public String kind() {
            return "work.gate-checked";
        }
    }

    record StepEnded(Instant at, String runId, String step, String status, int attempts) implements WorkEvent {
        public String kind() {
            return "work.step-ended";
        }
    }

    record RunPaused(Instant at, String runId, String step, String reason) implements WorkEvent {
        public String kind() {
            return "work.run-paused";
        }
    }

    record RunFinished(Instant at, String runId, String status, String reason) implements WorkEvent {
        public String kind() {
            return "work.run-finished";
        }
    }
}
