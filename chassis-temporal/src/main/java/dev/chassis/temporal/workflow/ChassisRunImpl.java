package dev.chassis.temporal.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chassis.core.journal.InMemoryJournal;
import dev.chassis.temporal.wire.ChassisRun;
import dev.chassis.temporal.wire.Decision;
import dev.chassis.temporal.wire.RunEvents;
import dev.chassis.temporal.wire.RunPlan;
import dev.chassis.temporal.wire.RunState;
import dev.chassis.temporal.wire.StepActivities;
import dev.chassis.temporal.wire.Timeouts;
import dev.chassis.work.RunOutcome;
import dev.chassis.work.flow.Environment;
import dev.chassis.work.flow.EventKeys;
import dev.chassis.work.flow.Orchestrator;
import dev.chassis.work.journal.PauseKind;
import dev.chassis.work.journal.RunEvent;
import dev.chassis.work.journal.RunRecord;
import dev.chassis.work.journal.RunStatus;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Chassis run as a Temporal workflow. It records the run's start, asks a worker for the run's plan (once; the
 * plan is in the history), then runs the work harness's {@link Orchestrator} over {@link TemporalActivities}. Where
 * the run pauses it waits: for a person's decision, a signal naming the pause; for something outside (a wait gate),
 * on a durable timer, looking again every {@link Timeouts#waitRecheck()} or when resumed. The decision is recorded and
 * the orchestration runs again from the record, as a local resume does. State and events are readable by query; every
 * change of state is also in the workflow's memo ({@code status}, {@code reason}), for listings without a worker.
 */
public final class ChassisRunImpl implements ChassisRun {

    private final RunRecord record;
    private final List<Decision> inbox = new ArrayList<>();
    private RunStatus status = RunStatus.RUNNING;
    private RunOutcome outcome;
    private int decisions;

    public ChassisRunImpl() {
        this.record = RunRecord.load(Workflow.getInfo().getWorkflowId(), new InMemoryJournal());
    }

    @Override
    public RunOutcome run(RunEvent.Started started) {
        record.append(started);
        outcome = new RunOutcome(started.runId(), RunStatus.RUNNING, Map.of(), "", record.usage(), Optional.empty());
        StepActivities prepare = Workflow.newActivityStub(StepActivities.class, CallOptions.prepare(Timeouts.DEFAULTS));
        RunPlan plan = prepare.prepare(started);
        Environment env = plan.toEnvironment();
        dev.chassis.work.flow.Workflow workflow = plan.toWorkflow();
        TemporalActivities activities = new TemporalActivities(record, started, plan);
        while (true) {
            status(RunStatus.RUNNING, "");
            Orchestrator.Outcome o = new Orchestrator(workflow, env, activities, record).run(started.inputs());
            outcome = outcome(started.runId(), o);
            if (o.status() != RunStatus.PAUSED) {
                status(o.status(), o.reason());
                Workflow.await(Workflow::isEveryHandlerFinished); // a client waiting to hear how the run ended hears it
                return outcome;
            }
            status(RunStatus.PAUSED, o.reason());
            RunEvent.Paused pause = record.pendingPause().orElseThrow();
            Decision d = awaitDecision(pause, plan.timeouts());
            record.append(new RunEvent.Decided(activities.now(), EventKeys.decisionFor(pause.key()), pause.step(), pause.kind(),
                    d.kind() != Decision.Kind.REJECT, d.by(), d.note()));
            decisions++;
        }
    }

    /** The decision on {@code pause}: a signal naming it; for a wait, also the timer running out (a look again). */
    private Decision awaitDecision(RunEvent.Paused pause, Timeouts timeouts) {
        while (true) {
            boolean wait = pause.kind() == PauseKind.WAIT;
            if (wait) {
                if (!Workflow.await(timeouts.waitRecheck(), () -> !inbox.isEmpty())) {
                    return new Decision(pause.key(), Decision.Kind.RESUME, "timer", "looked again after " + timeouts.waitRecheck());
                }
            } else {
                Workflow.await(() -> !inbox.isEmpty());
            }
            Decision d = inbox.removeFirst();
            // a late decision (for an earlier pause) or a look-again where only a person may decide is dropped
            if (d.pause().equals(pause.key()) && (d.kind() != Decision.Kind.RESUME || wait)) {
                return wait && d.kind() == Decision.Kind.RESUME ? new Decision(d.pause(), d.kind(), "resume", d.note()) : d;
            }
        }
    }

    private void status(RunStatus now, String reason) {
        status = now;
        Map<String, Object> memo = new LinkedHashMap<>();
        memo.put("status", now.label());
        memo.put("reason", reason);
        Workflow.upsertMemo(memo);
    }

    private RunOutcome outcome(String runId, Orchestrator.Outcome o) {
        Map<String, JsonNode> outputs = new LinkedHashMap<>(o.outputs());
        outputs.remove("input");
        Optional<RunOutcome.Pause> pending = o.status() == RunStatus.PAUSED
                ? record.pendingPause().map(p -> new RunOutcome.Pause(p.step(), p.kind(), p.reason(), p.asks())) : Optional.empty();
        return new RunOutcome(runId, o.status(), outputs, o.reason(), record.usage(), pending);
    }

    @Override
    public void decide(Decision decision) {
        inbox.add(decision);
    }

    @Override
    public RunState state() {
        RunOutcome now = status == RunStatus.RUNNING && outcome != null
                ? new RunOutcome(outcome.runId(), RunStatus.RUNNING, outcome.outputs(), "", record.usage(), Optional.empty()) : outcome;
        if (now == null) {
            now = new RunOutcome(Workflow.getInfo().getWorkflowId(), RunStatus.RUNNING, Map.of(), "", record.usage(), Optional.empty());
        }
        Optional<String> pause = status == RunStatus.PAUSED ? record.pendingPause().map(RunEvent.Paused::key) : Optional.empty();
        return new RunState(now, pause, decisions);
    }

    @Override
    public RunEvents events() {
        return new RunEvents(record.events());
    }

    @Override
    public RunState settle(int after) {
        Workflow.await(() -> decisions >= after && status != RunStatus.RUNNING);
        return state();
    }
}
