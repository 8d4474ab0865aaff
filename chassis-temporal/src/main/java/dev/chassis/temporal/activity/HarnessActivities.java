package dev.chassis.temporal.activity;

import dev.chassis.core.input.InvalidInputException;
import dev.chassis.core.journal.InMemoryJournal;
import dev.chassis.core.model.ModelException;
import dev.chassis.core.model.Prompt;
import dev.chassis.core.tool.ToolCall;
import dev.chassis.core.tool.ToolSpec;
import dev.chassis.temporal.wire.GateRequest;
import dev.chassis.temporal.wire.ModelRequest;
import dev.chassis.temporal.wire.RunPlan;
import dev.chassis.temporal.wire.StepActivities;
import dev.chassis.temporal.wire.Timeouts;
import dev.chassis.temporal.wire.ToolRequest;
import dev.chassis.temporal.wire.ToolResponse;
import dev.chassis.temporal.wire.WireMessage;
import dev.chassis.work.RunContext;
import dev.chassis.work.flow.Activities;
import dev.chassis.work.flow.StepDef;
import dev.chassis.work.flow.StepIntent;
import dev.chassis.work.gate.Gate;
import dev.chassis.work.journal.RunEvent;
import dev.chassis.work.journal.RunRecord;
import io.temporal.failure.ApplicationFailure;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The activities of Chassis runs, done by a work harness's own side-effect layer: for each call the run it names
 * is built from its start (once, then kept), the call goes through the harness exactly as on the local engine
 * (the policy with the ledger's guards, rate limits, idempotency keys, the judge, the prices), and what it
 * journaled is the answer. A model call is tried once here; Temporal tries it again as the run's plan says.
 * Thread-safe.
 */
public final class HarnessActivities implements StepActivities {

    private final RunContexts runs;
    private final Timeouts timeouts;

    /**
     * @param runs     the run a start event describes, as the harness runs it ({@code harness::context})
     * @param timeouts recorded in each run's plan
     */
    public HarnessActivities(Function<RunEvent.Started, RunContext> runs, Timeouts timeouts) {
        this.runs = new RunContexts(Objects.requireNonNull(runs, "runs"));
        this.timeouts = Objects.requireNonNull(timeouts, "timeouts");
    }

    @Override
    public RunPlan prepare(RunEvent.Started run) {
        try {
            return RunPlan.of(runs.of(run), timeouts);
        } catch (InvalidInputException e) {
            throw ApplicationFailure.newNonRetryableFailure(e.getMessage(), "invalid-workflow");
        }
    }

    @Override
    public RunEvent.ModelCalled callModel(ModelRequest r) {
        RunContext run = runs.of(r.run());
        StepDef step = run.workflow().step(r.step());
        List<ToolSpec> tools = r.tools().stream().map(name -> run.environment().tools().get(name)).filter(Objects::nonNull).toList();
        Prompt prompt = Prompt.of(r.messages().stream().map(WireMessage::message).toList()).withTools(tools).withIntent(
                new StepIntent(run.workflow().name(), step.id(), step.instruction(), step.outputSchema(), r.inputs(), r.findings(), step.offline()));
        RunRecord scratch = scratch(r.run(), List.of());
        try {
            return call(() -> run.withActivities(scratch, false, a -> a.callModel(r.key(), r.step(), r.attempt(), r.iteration(), prompt)));
        } catch (ModelException e) {
            if (!e.retryable()) {
                throw ApplicationFailure.newNonRetryableFailure(e.getMessage(), "model");
            }
            java.time.Duration wait = e instanceof ModelException.RateLimited limited ? limited.retryAfter().orElse(null) : null;
            throw ApplicationFailure.newFailureWithCauseAndDelay(e.getMessage(), "model", null, wait);
        }
    }

    @Override
    public ToolResponse callTool(ToolRequest r) {
        RunContext run = runs.of(r.run());
        RunRecord scratch = scratch(r.run(), r.decided().stream().map(RunEvent.class::cast).toList());
        int before = scratch.events().size();
        Activities.ToolStep step = call(() -> run.withActivities(scratch, false,
                a -> a.callTool(r.key(), r.step(), new ToolCall(r.key(), r.tool(), r.arguments()))));
        return switch (step) {
            case Activities.ToolStep.Ask ask -> ToolResponse.ask(ask.reason(), ask.asks());
            case Activities.ToolStep.Done done -> ToolResponse.ran(scratch.events().subList(before, scratch.events().size()));
        };
    }

    @Override
    public RunEvent.GateChecked checkGate(GateRequest r) {
        RunContext run = runs.of(r.run());
        StepDef step = run.workflow().step(r.step());
        Gate gate = Stream.concat(run.environment().extraGates().apply(step).stream(), step.gates().stream())
                .filter(g -> g.name().equals(r.gate())).findFirst()
                .orElseThrow(() -> ApplicationFailure.newNonRetryableFailure("step '" + r.step() + "' has no gate '" + r.gate()
                        + "' on this worker: workers and the run must share the workflow's definition", "unknown-gate"));
        RunRecord scratch = scratch(r.run(), r.reads());
        call(() -> run.withActivities(scratch, false, a -> a.checkGate(r.key(), r.step(), r.attempt(), gate, r.output())));
        return scratch.get(r.key(), RunEvent.GateChecked.class)
                .orElseThrow(() -> new IllegalStateException("gate '" + r.gate() + "' was checked without a verdict"));
    }

    /** A record of the run holding only what the call needs to see (its start, a decision, earlier reads). */
    private static RunRecord scratch(RunEvent.Started run, List<RunEvent> known) {
        RunRecord record = RunRecord.load(run.runId(), new InMemoryJournal());
        record.append(run);
        known.forEach(record::append);
        return record;
    }

    private static <T> T call(Callable<T> body) {
        try {
            return Heartbeats.beating(body);
        } catch (RuntimeException e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the call was interrupted (its worker is stopping)", e);
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
