package dev.chassis.temporal.wire;

import dev.chassis.work.RunOutcome;
import dev.chassis.work.journal.RunEvent;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * One run of a Chassis workflow as a Temporal workflow: its id is the run's workflow id, its history the
 * run's journal. Started with the run's start event; a person's decisions arrive as signals; its state and
 * events are read through queries.
 */
@WorkflowInterface
public interface ChassisRun {

    /** The Temporal workflow type of every Chassis run. */
    String TYPE = "ChassisRun";

    /** Runs the workflow {@code started} names to its end, waiting for people where it pauses. */
    @WorkflowMethod(name = TYPE)
    RunOutcome run(RunEvent.Started started);

    /** A person's decision on what the run waits for, or a request to look again at what it waits for outside. */
    @SignalMethod
    void decide(Decision decision);

    /** Where the run is now: running, paused (with what it waits for) or ended, with its outputs and usage so far. */
    @QueryMethod
    RunState state();

    /** Every event of the run so far, in order: the same events a local run journals. */
    @QueryMethod
    RunEvents events();

    /**
     * Waits until the run has taken in at least {@code decisions} decisions and is paused or ended, and says where it is.
     * What a client calls after starting a run or deciding, to wait for what comes of it.
     */
    @UpdateMethod
    RunState settle(int decisions);
}
