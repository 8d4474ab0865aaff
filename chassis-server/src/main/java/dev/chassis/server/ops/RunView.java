package dev.chassis.server.ops;

import dev.chassis.research.ops.workflow.RunInfo;
import java.util.List;

/**
 * A run for the console: its record, its step timeline, the live sessions it waits for (with their
 * links and whether each is done), and what it has used.
 *
 * @param active    running in this server now
 * @param decisions approvals and rejections so far, in order
 * @param elapsedMs wall time spent in steps so far, over all attempts
 * @param work      the work-harness journal's attempts, with each step's gates, tools and usage (empty in listings)
 */
public record RunView(RunInfo record, boolean active, List<StepView> steps, List<LiveSession> waitingFor, List<Decision> decisions,
                      long elapsedMs, boolean hasReport, List<WorkView> work) {

    public RunView {
        steps = List.copyOf(steps);
        work = List.copyOf(work);
        waitingFor = List.copyOf(waitingFor);
        decisions = List.copyOf(decisions);
    }

    /** A live session the run waits for: its id in the run, the server session and link, and whether its transcript is in. */
    public record LiveSession(String runSession, String session, String link, boolean done) {
    }

    /** A researcher's decision on a paused step. */
    public record Decision(String step, boolean approved, String note, java.time.Instant at) {
    }
}
