package dev.chassis.work;

import dev.chassis.core.journal.Journal;
import dev.chassis.work.flow.EventKeys;
import dev.chassis.work.journal.RunEvent;
import dev.chassis.work.journal.RunRecord;
import dev.chassis.work.journal.RunStatus;
import dev.chassis.work.journal.StepStatus;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * One run as its journal tells it, for listings: where it is, why, what it waits for.
 *
 * @param steps   the workflow's steps, when its definition is at hand (0 when it is not)
 * @param reason  why it failed, or what it waits for; empty otherwise
 * @param labels  what the application recorded about the run when it started
 * @param pending the decision it waits for, when paused
 */
public record RunSummary(String runId, String workflow, RunStatus status, Instant startedAt, int stepsDone, int steps, double cost,
                         Optional<String> forkOf, String reason, Map<String, String> labels, Optional<RunOutcome.Pause> pending) {

    /**
     * The summary of a run in a journal, read without a harness; empty when the journal has no such run (or
     * only a start cut off by a crash).
     */
    public static Optional<RunSummary> read(Journal journal, String runId) {
        RunRecord record = RunRecord.load(runId, journal);
        return record.get(EventKeys.started(), RunEvent.Started.class).map(s -> of(record, s, 0));
    }

    /** The summary of a run's record, whose start is {@code s}; {@code steps} is the workflow's step count, if known. */
    static RunSummary of(RunRecord record, RunEvent.Started s, int steps) {
        Optional<RunEvent.Finished> finished = record.get(EventKeys.finished(), RunEvent.Finished.class);
        Optional<RunEvent.Paused> pause = record.pendingPause();
        RunStatus status = finished.map(RunEvent.Finished::status).orElse(pause.isPresent() ? RunStatus.PAUSED : RunStatus.RUNNING);
        String reason = finished.map(RunEvent.Finished::reason).orElse(pause.map(RunEvent.Paused::reason).orElse(""));
        int done = (int) record.events(RunEvent.StepEnded.class).stream().filter(e -> e.status() != StepStatus.SKIPPED).count();
        return new RunSummary(s.runId(), s.workflow(), status, s.at(), done, steps, record.usage().cost(), s.forkOf(), reason, s.labels(),
                pause.filter(p -> finished.isEmpty()).map(RunSummary::pauseOf));
    }

    static RunOutcome.Pause pauseOf(RunEvent.Paused p) {
        return new RunOutcome.Pause(p.step(), p.kind(), p.reason(), p.asks());
    }
}
