package dev.chassis.work.flow;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chassis.core.text.JsonAnswer;
import dev.chassis.work.gate.Gate;
import dev.chassis.work.gate.GateVerdict;
import dev.chassis.work.journal.PauseKind;
import dev.chassis.work.journal.RunEvent;
import dev.chassis.work.journal.RunRecord;
import dev.chassis.work.journal.RunStatus;
import dev.chassis.work.journal.StepStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Runs a workflow to its end or to a pause, deterministically: the same record gives the same
 * decisions, so a resumed run re-enters every finished step from the record and continues where it
 * stopped. Ready steps run in parallel; a failed gate retries its step with the findings; exhausted
 * attempts escalate; a gate that must wait pauses the run, and resuming does the step again. Side
 * effects only through {@link Activities}.
 */
public final class Orchestrator {

    /** Where a run got to: {@link RunStatus#SUCCEEDED}, {@link RunStatus#FAILED} or {@link RunStatus#PAUSED}. */
    public record Outcome(RunStatus status, Map<String, JsonNode> outputs, String reason) { }

    private final Workflow workflow;
    private final Environment env;
    private final Activities activities;
    private final RunRecord record;
    private final AgentLoop loop;

    public Orchestrator(Workflow workflow, Environment env, Activities activities, RunRecord record) {
        this.workflow = workflow;
        this.env = env;
        this.activities = activities;
        this.record = record;
        this.loop = new AgentLoop(workflow, env, activities, new BudgetCheck(record, env.runBudget()));
    }

    public Outcome run(JsonNode inputs) {
        Optional<RunEvent.Finished> finished = record.get(EventKeys.finished(), RunEvent.Finished.class);
        Map<String, JsonNode> outputs = new LinkedHashMap<>();
        outputs.put("input", inputs);
        Map<String, StepStatus> state = new HashMap<>();
        List<StepDef> order = workflow.topologicalOrder();
        while (state.size() < order.size()) {
            List<StepDef> ready = order.stream().filter(s -> !state.containsKey(s.id()) && state.keySet().containsAll(s.needs())).toList();
            List<Supplier<StepResult>> tasks = new ArrayList<>();
            for (StepDef s : ready) {
                Map<String, JsonNode> inputsNow = Map.copyOf(outputs);
                boolean needSkipped = s.needs().stream().anyMatch(n -> state.get(n) == StepStatus.SKIPPED);
                tasks.add(() -> step(s, inputsNow, needSkipped));
            }
            List<StepResult> results = activities.inParallel(tasks);
            String paused = null;
            String failed = null;
            for (int i = 0; i < ready.size(); i++) {
                StepDef s = ready.get(i);
                switch (results.get(i)) {
                    case StepResult.Succeeded ok -> {
                        outputs.put(s.id(), ok.output());
                        state.put(s.id(), StepStatus.SUCCEEDED);
                    }
                    case StepResult.Skipped sk -> state.put(s.id(), StepStatus.SKIPPED);
                    case StepResult.Failed f -> failed = failed == null ? "step '" + s.id() + "' failed: " + f.reason() : failed;
                    case StepResult.Paused p -> paused = paused == null
                            ? "step '" + s.id() + "' waits for " + p.kind().label() + ": " + p.reason() : paused;
                }
            }
            if (failed != null) {
                return finish(new Outcome(RunStatus.FAILED, outputs, failed), finished);
            }
            if (paused != null) {
                return new Outcome(RunStatus.PAUSED, outputs, paused);
            }
        }
        return finish(new Outcome(RunStatus.SUCCEEDED, outputs, ""), finished);
    }

    private Outcome finish(Outcome o, Optional<RunEvent.Finished> already) {
        if (already.isEmpty()) {
            activities.record(new RunEvent.Finished(activities.now(), EventKeys.finished(), o.status(), o.reason()));
        }
        return o;
    }

    private StepResult step(StepDef s, Map<String, JsonNode> inputs, boolean needSkipped) {
        Optional<RunEvent.StepEnded> ended = record.get(EventKeys.stepEnded(s.id()), RunEvent.StepEnded.class);
        if (ended.isPresent()) {
            RunEvent.StepEnded e = ended.get();
            return switch (e.status()) {
                case SUCCEEDED -> new StepResult.Succeeded(JsonAnswer.node(e.output()));
                case SKIPPED -> new StepResult.Skipped(e.reason());
                case FAILED -> new StepResult.Failed(e.reason());
            };
        }
        if (needSkipped || s.when().isPresent() && !s.when().get().test(inputs)) {
            String why = needSkipped ? "a step it needs was skipped" : "its condition does not hold";
            activities.record(new RunEvent.StepEnded(activities.now(), EventKeys.stepEnded(s.id()), s.id(), StepStatus.SKIPPED, "", why, 0));
            return new StepResult.Skipped(why);
        }
        List<String> findings = List.of();
        String last = null;
        int waits = 0; // a wait that was resumed does the step again without using one of its attempts
        for (int attempt = 1; attempt <= s.budget().attempts() + waits; attempt++) {
            activities.record(new RunEvent.StepStarted(activities.now(), EventKeys.stepStarted(s.id(), attempt), s.id(), attempt));
            AgentLoop.Outcome outcome = loop.attempt(s, attempt, inputs, findings);
            switch (outcome) {
                case AgentLoop.Outcome.AskBudget ask -> {
                    String key = EventKeys.pause(ask.runWide() ? BudgetCheck.RUN : s.id(), PauseKind.BUDGET, 0);
                    activities.record(new RunEvent.Paused(activities.now(), key, s.id(), PauseKind.BUDGET, ask.reason(), Optional.empty()));
                    return new StepResult.Paused(PauseKind.BUDGET, ask.reason());
                }
                case AgentLoop.Outcome.Failure f when f.fatal() -> {
                    return end(s, StepStatus.FAILED, "", f.reason(), attempt);
                }
                case AgentLoop.Outcome.Failure f -> findings = List.of(f.reason());
                case AgentLoop.Outcome.Paused p -> {
                    return new StepResult.Paused(p.kind(), p.reason());
                }
                case AgentLoop.Outcome.Answer a -> {
                    last = a.text();
                    GateResult g = gates(s, attempt, a.text());
                    if (!g.findings().isEmpty()) {
                        findings = g.findings();
                        continue;
                    }
                    if (g.waiting() != null) {
                        Optional<RunEvent.Decided> d = record.get(EventKeys.decision(s.id(), PauseKind.WAIT, attempt), RunEvent.Decided.class);
                        if (d.isEmpty()) {
                            return pause(s, PauseKind.WAIT, attempt, g.waiting(), Optional.empty());
                        }
                        if (!d.get().approved()) {
                            return end(s, StepStatus.FAILED, "", "rejected by " + d.get().by() + note(d.get()) + " while it waited: " + g.waiting(),
                                    attempt);
                        }
                        waits++;
                        findings = List.of();
                        continue;
                    }
                    if (g.approval() != null) {
                        Optional<RunEvent.Decided> d = record.get(EventKeys.decision(s.id(), PauseKind.APPROVAL, attempt), RunEvent.Decided.class);
                        if (d.isEmpty()) {
                            return pause(s, PauseKind.APPROVAL, attempt, g.approval(), Optional.of(a.text()));
                        }
                        if (!d.get().approved()) {
                            return end(s, StepStatus.FAILED, "", "rejected by " + d.get().by() + note(d.get()), attempt);
                        }
                    }
                    return end(s, StepStatus.SUCCEEDED, a.text(), "", attempt);
                }
            }
        }
        return exhausted(s, last, findings);
    }

    private StepResult exhausted(StepDef s, String last, List<String> findings) {
        String reason = "no accepted output after " + s.budget().attempts() + " attempts: " + String.join("; ", findings);
        if (s.onExhausted() == Escalation.PAUSE && last != null) {
            Optional<RunEvent.Decided> d = record.get(EventKeys.decision(s.id(), PauseKind.ESCALATION, 0), RunEvent.Decided.class);
            if (d.isEmpty()) {
                return pause(s, PauseKind.ESCALATION, 0, reason, Optional.of(last));
            }
            return d.get().approved()
                    ? end(s, StepStatus.SUCCEEDED, last, "accepted by " + d.get().by() + note(d.get()), s.budget().attempts())
                    : end(s, StepStatus.FAILED, "", "rejected by " + d.get().by() + note(d.get()) + " after: " + reason, s.budget().attempts());
        }
        return end(s, StepStatus.FAILED, "", reason, s.budget().attempts());
    }

    /** What the gates said about one output: findings (retry), else a wait, else an approval to ask for, else accepted. */
    private record GateResult(List<String> findings, String waiting, String approval) { }

    private GateResult gates(StepDef s, int attempt, String output) {
        List<Gate> all = new ArrayList<>(env.extraGates().apply(s));
        all.addAll(s.gates());
        List<String> findings = new ArrayList<>();
        String waiting = null;
        String approval = null;
        for (Gate g : all) {
            GateVerdict v = activities.checkGate(EventKeys.gate(s.id(), attempt, g.name()), s.id(), attempt, g, output);
            switch (v) {
                case GateVerdict.Pass p -> { }
                case GateVerdict.Fail f -> f.findings().forEach(x -> findings.add(g.name() + ": " + x));
                case GateVerdict.Wait w -> waiting = waiting == null ? w.reason() : waiting;
                case GateVerdict.Pause p -> approval = approval == null ? p.reason() : approval;
            }
        }
        return new GateResult(findings, waiting, approval);
    }

    private StepResult pause(StepDef s, PauseKind kind, int attempt, String reason, Optional<String> asks) {
        activities.record(new RunEvent.Paused(activities.now(), EventKeys.pause(s.id(), kind, attempt), s.id(), kind, reason, asks));
        return new StepResult.Paused(kind, reason);
    }

    private StepResult end(StepDef s, StepStatus status, String output, String reason, int attempts) {
        activities.record(new RunEvent.StepEnded(activities.now(), EventKeys.stepEnded(s.id()), s.id(), status, output, reason, attempts));
        return switch (status) {
            case SUCCEEDED -> new StepResult.Succeeded(JsonAnswer.node(output));
            case FAILED -> new StepResult.Failed(reason);
            case SKIPPED -> new StepResult.Skipped(reason);
        };
    }

    private static String note(RunEvent.Decided d) {
        return d.note().isBlank() ? "" : " (" + d.note() + ")";
    }
}
