package dev.chassis.temporal.wire;

import dev.chassis.work.journal.RunEvent;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * The side effects of a run, done by a worker that has the harness's model, tools and gates: each returns the
 * events a local run would journal for it, which the workflow records.
 */
@ActivityInterface(namePrefix = "Chassis")
public interface StepActivities {

    /** What the run's workflow is and what its steps get, as the worker's harness builds them (once per run). */
    @ActivityMethod
    RunPlan prepare(RunEvent.Started run);

    /** One model call. */
    @ActivityMethod
    RunEvent.ModelCalled callModel(ModelRequest request);

    /** One tool call through the policy; an ask the policy raises comes back unrun. */
    @ActivityMethod
    ToolResponse callTool(ToolRequest request);

    /** One gate's check of a step's output. */
    @ActivityMethod
    RunEvent.GateChecked checkGate(GateRequest request);
}
