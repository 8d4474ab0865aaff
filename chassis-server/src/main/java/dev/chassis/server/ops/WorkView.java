package dev.chassis.server.ops;

import dev.chassis.work.RunOutcome;
import dev.chassis.work.RunSummary;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A run's work-harness journal as the console shows it: each attempt ({@code ops-1}, {@code ops-2}, ...;
 * a resumed killed run continues its attempt) with its steps, and for each step the gates it passed or
 * failed, the tools it called and what it used. Read from {@code <run folder>/journal}, never written.
 *
 * @param runId  the work-harness run id of this attempt
 * @param status {@code succeeded}, {@code failed}, {@code paused}, {@code running}, or {@code interrupted}
 *               (the journal stops mid-way and nothing runs it now)
 */
public record WorkView(String runId, String status, Instant started, List<Step> steps, Optional<RunOutcome.Pause> pending,
                       Optional<Fork> forkOf) {

    public WorkView {
        steps = List.copyOf(steps);
        forkOf = java.util.Objects.requireNonNullElse(forkOf, Optional.empty());
    }

    /** The run a fork was made of, and the step it re-ran from. */
    public record Fork(String run, String from) {
    }

    /** The same attempt with what it waits for: the step, the kind of pause, why, and what a person is asked to decide on. */
    WorkView with(Optional<RunSummary> summary) {
        return new WorkView(runId, status, started, steps, summary.flatMap(RunSummary::pending), forkOf);
    }

    /**
     * One step of an attempt.
     *
     * @param status   {@code succeeded}, {@code failed}, {@code skipped}, or, while it has not ended, the attempt's status
     * @param attempts how many times the step started in this attempt (its retries)
     * @param reason   why it failed or was skipped; empty otherwise
     */
    public record Step(String step, String status, int attempts, List<Gate> gates, List<ToolUse> tools, Usage usage, String reason) {

        public Step {
            gates = List.copyOf(gates);
            tools = List.copyOf(tools);
        }
    }

    /** A gate's verdict ({@code pass}, {@code fail} or {@code pause}) on one try of a step. */
    public record Gate(int attempt, String gate, String verdict, List<String> findings) {

        public Gate {
            findings = List.copyOf(findings);
        }
    }

    /**
     * A tool call: its outcome as the harness recorded it, or {@code unfinished} when it started and never ended,
     * and the tool policy's verdict with the rule that gave it (empty while unfinished).
     */
    public record ToolUse(String tool, String arguments, String outcome, long millis, String policy) {
    }

    /** What a step used: model tokens and cost, model time, and wall time from its first start to its end (or the last event). */
    public record Usage(int inputTokens, int outputTokens, double cost, long modelMs, long wallMs) {
    }
}
