package dev.chassis.work.flow;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chassis.work.gate.Gate;
import dev.chassis.work.gate.GateVerdict;
import dev.chassis.work.journal.RunEvent;
import dev.chassis.work.journal.RunRecord;
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
 * attempts escalate. Side effects only through {@link Activities}.
 */
public final class Orchestrator {

    /** Where a run got to. */
    public enum Status { SUCCEEDED, FAILED, PAUSED }

    /** The outcome of running as far as possible. */
    public record Outcome(Status status, Map<String, JsonNode> outputs, String reason) { }

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
        this.loop = new AgentLoop(workflow, env, activities, record, new BudgetCheck(record));
    }

    public Outcome run(JsonNode inputs) {
        Optional<RunEvent.Finished> finished = record.get(Keys.finished(), RunEvent.Finished.class);
        Map<String, JsonNode> outputs = new LinkedHashMap<>();
        outputs.put("input", inputs);
        Map<String, String> state = new HashMap<>(); // step -> succeeded | failed | skipped
        List<StepDef> order = workflow.topologicalOrder();
        while (state.size() < order.size()) {
            List<StepDef> ready = order.stream().filter(s -> !state.containsKey(s.id()) && state.keySet().containsAll(s.needs())).toList();
            List<Supplier<StepResult>> tasks = new ArrayList<>();
            for (StepDef s : ready) {
                Map<String, JsonNode> inputsNow = Map.copyOf(outputs);
                boolean needSkipped = s.needs().stream().anyMatch(n -> "skipped".equals(state.get(n)));
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
                        state.put(s.id(), "succeeded");
                    }
                    case StepResult.Skipped sk -> state.put(s.id(), "skipped");
                    case StepResult.Failed f -> failed = failed == null ? "step '" + s.id() + "' failed: " + f.reason() : failed;
                    case StepResult.Paused p -> paused = paused == null ? "step '" + s.id() + "' waits for " + p.kind() + ": " + p.reason() : paused;
                }
            }
            if (failed != null) {
                return finish(new Outcome(Status.FAILED, outputs, failed), finished);
            }
            if (paused != null) {
                return new Outcome(Status.PAUSED, outputs, paused);
            }
        }
        return finish(new Outcome(Status.SUCCEEDED, outputs, ""), finished);
    }

    private Outcome finish(Outcome o, Optional<RunEvent.Finished> already) {
        if (already.isEmpty()) {
            activities.record(new RunEvent.Finished(activities.now(), Keys.finished(), o.status().name().toLowerCase(java.util.Locale.ROOT), o.reason()));
        }
        return o;
    }

    private StepResult step(StepDef s, Map<String, JsonNode> inputs, boolean needSkipped) {
        Optional<RunEvent.StepEnded> ended = record.get(Keys.stepEnded(s.id()), RunEvent.StepEnded.class);
        if (ended.isPresent()) {
            return switch (ended.get().status()) {
                case "succeeded" -> new StepResult.Succeeded(Outputs.node(ended.get().output()));
                case "skipped" -> new StepResult.Skipped(ended.get().reason());
                default -> new StepResult.Failed(ended.get().reason());
            };
        }
        if (needSkipped || s.when().isPresent() && !s.when().get().test(inputs)) {
            String why = needSkipped ? "a step it needs was skipped" : "its condition does not hold";
            activities.record(new RunEvent.StepEnded(activities.now(), Keys.stepEnded(s.id()), s.id(), "skipped", "", why, 0));
            return new StepResult.Skipped(why);
        }
        List<String> findings = List.of();
        String last = null;
        for (int attempt = 1; attempt <= s.budget().attempts(); attempt++) {
            activities.record(new RunEvent.StepStarted(activities.now(), Keys.stepStarted(s.id(), attempt), s.id(), attempt));
            AgentLoop.Outcome outcome = loop.attempt(s, attempt, inputs, findings);
            switch (outcome) {
                case AgentLoop.Outcome.AskBudget ask -> {
                    return pause(s, "budget", 0, ask.reason());
                }
                case AgentLoop.Outcome.Failure f when f.fatal() -> {
                    return end(s, "failed", "", f.reason(), attempt);
                }
                case AgentLoop.Outcome.Failure f -> findings = List.of(f.reason());
                case AgentLoop.Outcome.Answer a -> {
                    last = a.text();
                    GateResult g = gates(s, attempt, a.text());
                    if (g.paused != null) {
                        Optional<RunEvent.Decided> d = record.get(Keys.decision(s.id(), "approval", attempt), RunEvent.Decided.class);
                        if (d.isEmpty()) {
                            return pause(s, "approval", attempt, g.paused);
                        }
                        if (!d.get().approved()) {
                            return end(s, "failed", "", "rejected by " + d.get().by() + note(d.get()), attempt);
                        }
                    }
                    if (g.findings.isEmpty()) {
                        return end(s, "succeeded", a.text(), "", attempt);
                    }
                    findings = g.findings;
                }
            }
        }
        return exhausted(s, last, findings);
    }

    private StepResult exhausted(StepDef s, String last, List<String> findings) {
        String reason = "no accepted output after " + s.budget().attempts() + " attempts: " + String.join("; ", findings);
        if (s.onExhausted() == Escalation.PAUSE && last != null) {
            Optional<RunEvent.Decided> d = record.get(Keys.decision(s.id(), "escalation", 0), RunEvent.Decided.class);
            if (d.isEmpty()) {
                return pause(s, "escalation", 0, reason);
            }
            return d.get().approved()
                    ? end(s, "succeeded", last, "accepted by " + d.get().by() + note(d.get()), s.budget().attempts())
                    : end(s, "failed", "", "rejected by " + d.get().by() + note(d.get()) + " after: " + reason, s.budget().attempts());
        }
        return end(s, "failed", "", reason, s.budget().attempts());
    }

    private record GateResult(List<String> findings, String paused) { }

    private GateResult gates(StepDef s, int attempt, String output) {
        List<Gate> all = new ArrayList<>(env.extraGates().apply(s));
        all.addAll(s.gates());
        List<String> findings = new ArrayList<>();
        String paused = null;
        for (Gate g : all) {
            GateVerdict v = activities.checkGate(Keys.gate(s.id(), attempt, g.name()), s.id(), attempt, g, output);
            switch (v) {
                case GateVerdict.Pass p -> { }
                case GateVerdict.Fail f -> f.findings().forEach(x -> findings.add(g.name() + ": " + x));
                case GateVerdict.Pause p -> paused = paused == null ? p.reason() : paused;
            }
        }
        return new GateResult(findings, findings.isEmpty() ? paused : null);
    }

    private StepResult pause(StepDef s, String kind, int attempt, String reason) {
        activities.record(new RunEvent.Paused(activities.now(), Keys.pause(s.id(), kind, attempt), s.id(), kind, reason));
        return new StepResult.Paused(kind, reason);
    }

    private StepResult end(StepDef s, String status, String output, String reason, int attempts) {
        activities.record(new RunEvent.StepEnded(activities.now(), Keys.stepEnded(s.id()), s.id(), status, output, reason, attempts));
        return status.equals("succeeded") ? new StepResult.Succeeded(Outputs.node(output)) : new StepResult.Failed(reason);
    }

    private static String note(RunEvent.Decided d) {
        return d.note().isBlank() ? "" : " (" + d.note() + ")";
    }
}
