package dev.chassis.temporal.workflow;

import dev.chassis.core.model.Prompt;
import dev.chassis.core.tool.ToolCall;
import dev.chassis.core.tool.ToolSpec;
import dev.chassis.temporal.wire.GateRequest;
import dev.chassis.temporal.wire.ModelRequest;
import dev.chassis.temporal.wire.RunPlan;
import dev.chassis.temporal.wire.StepActivities;
import dev.chassis.temporal.wire.ToolRequest;
import dev.chassis.temporal.wire.ToolResponse;
import dev.chassis.temporal.wire.WireMessage;
import dev.chassis.work.flow.Activities;
import dev.chassis.work.flow.EventKeys;
import dev.chassis.work.flow.StepIntent;
import dev.chassis.work.gate.Gate;
import dev.chassis.work.gate.GateVerdict;
import dev.chassis.work.instructions.OpenInstructionsTool;
import dev.chassis.work.journal.RunEvent;
import dev.chassis.work.journal.RunRecord;
import dev.chassis.work.journal.ToolOutcome;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.TimeoutFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The work harness's {@link Activities} inside a Temporal workflow: what the run's record holds is replayed from
 * it; a model call, tool call or gate check is an activity on a worker, whose events are recorded when it returns
 * (and are in the workflow's history, so a replay on another worker gets them without calling again). Time is the
 * workflow's; parallel steps are workflow threads. Used by one workflow execution only.
 */
final class TemporalActivities implements Activities {

    private final RunRecord record;
    private final RunEvent.Started run;
    private final StepActivities model;
    private final StepActivities tools;
    private final StepActivities gates;

    TemporalActivities(RunRecord record, RunEvent.Started run, RunPlan plan) {
        this.record = record;
        this.run = run;
        this.model = Workflow.newActivityStub(StepActivities.class, CallOptions.model(plan.timeouts()));
        this.tools = Workflow.newActivityStub(StepActivities.class, CallOptions.tool(plan.timeouts()));
        this.gates = Workflow.newActivityStub(StepActivities.class, CallOptions.gate(plan.timeouts()));
    }

    @Override
    public RunEvent.ModelCalled callModel(String key, String step, int attempt, int iteration, Prompt prompt) {
        Optional<RunEvent.ModelCalled> recorded = record.get(key, RunEvent.ModelCalled.class);
        if (recorded.isPresent()) {
            return recorded.get();
        }
        StepIntent intent = prompt.intent().filter(StepIntent.class::isInstance).map(StepIntent.class::cast)
                .orElseThrow(() -> new IllegalStateException("a step's model call carries its step's intent"));
        ModelRequest request = new ModelRequest(run, key, step, attempt, iteration, prompt.messages().stream().map(WireMessage::of).toList(),
                prompt.tools().stream().map(ToolSpec::name).toList(), intent.inputs(), intent.findings());
        RunEvent.ModelCalled called;
        try {
            called = model.callModel(request);
        } catch (ActivityFailure f) {
            throw new IllegalStateException(reason(f), f);
        }
        record.append(called);
        return called;
    }

    @Override
    public ToolStep callTool(String key, String step, ToolCall call) {
        Optional<RunEvent.ToolFinished> finished = record.get(key + ":done", RunEvent.ToolFinished.class);
        if (finished.isPresent()) {
            return new ToolStep.Done(finished.get().outcome().result(finished.get().content()));
        }
        Optional<RunEvent.Decided> decided = record.get(EventKeys.decisionFor(EventKeys.toolPause(key)), RunEvent.Decided.class);
        ToolResponse response;
        try {
            response = tools.callTool(new ToolRequest(run, key, step, call.name(), call.arguments(), decided));
        } catch (ActivityFailure f) {
            // the call may or may not have run; as on the local engine, what the model hears is that it failed
            String why = "the call could not be completed: " + reason(f);
            record.append(new RunEvent.ToolStarted(now(), key, step, call.name(), call.arguments()));
            record.append(new RunEvent.ToolFinished(now(), key + ":done", step, call.name(), ToolOutcome.ERROR, why, "allowed (none)", 0));
            return new ToolStep.Done(ToolOutcome.ERROR.result(why));
        }
        if (response.askReason().isPresent()) {
            return new ToolStep.Ask(response.askReason().get(), response.asks().orElse(call.name() + " " + call.arguments()));
        }
        response.events().forEach(record::append);
        RunEvent.ToolFinished done = record.get(key + ":done", RunEvent.ToolFinished.class)
                .orElseThrow(() -> new IllegalStateException("a worker answered tool call " + key + " without its result"));
        return new ToolStep.Done(done.outcome().result(done.content()));
    }

    @Override
    public GateVerdict checkGate(String key, String step, int attempt, Gate gate, String output) {
        RunEvent.GateChecked checked = record.get(key, RunEvent.GateChecked.class).orElse(null);
        if (checked == null) {
            try {
                checked = gates.checkGate(new GateRequest(run, key, step, attempt, gate.name(), output, reads()));
            } catch (ActivityFailure f) {
                checked = new RunEvent.GateChecked(now(), key, step, attempt, gate.name(), dev.chassis.work.journal.Verdict.FAIL,
                        List.of("the gate could not run: " + reason(f)), "");
            }
            record.append(checked);
        }
        return switch (checked.verdict()) {
            case PASS -> new GateVerdict.Pass(checked.gate(), checked.note());
            case PAUSE -> new GateVerdict.Pause(checked.gate(), checked.note());
            case WAIT -> new GateVerdict.Wait(checked.gate(), checked.note());
            case FAIL -> new GateVerdict.Fail(checked.gate(), checked.findings());
        };
    }

    /** The run's instruction-document reads (their start and result), which a gate may require. */
    private List<RunEvent> reads() {
        List<RunEvent> out = new ArrayList<>();
        for (RunEvent.ToolStarted s : record.events(RunEvent.ToolStarted.class)) {
            if (s.tool().equals(OpenInstructionsTool.NAME)) {
                out.add(s);
                record.get(s.key() + ":done").ifPresent(out::add);
            }
        }
        return out;
    }

    @Override
    public void record(RunEvent event) {
        record.append(event); // an event whose key is recorded is not appended again
    }

    @Override
    public Instant now() {
        return Instant.ofEpochMilli(Workflow.currentTimeMillis());
    }

    @Override
    public <T> List<T> inParallel(List<Supplier<T>> tasks) {
        if (tasks.size() == 1) {
            return List.of(tasks.getFirst().get());
        }
        List<Promise<T>> running = new ArrayList<>();
        for (Supplier<T> t : tasks) {
            running.add(Async.function(t::get));
        }
        List<T> out = new ArrayList<>();
        RuntimeException failure = null;
        for (Promise<T> p : running) {
            try {
                out.add(p.get());
            } catch (RuntimeException e) {
                failure = failure == null ? e : failure;
                out.add(null);
            }
        }
        if (failure != null) {
            throw failure;
        }
        return out;
    }

    /** Why an activity failed, in the words of its cause (never a class name). */
    static String reason(ActivityFailure f) {
        return switch (f.getCause()) {
            case ApplicationFailure a -> a.getOriginalMessage();
            case TimeoutFailure t -> "it timed out (" + t.getTimeoutType().name().toLowerCase(java.util.Locale.ROOT).replace("timeout_type_", "")
                    .replace('_', ' ') + ")";
            case null -> "it failed";
            default -> f.getCause().getMessage();
        };
    }
}
