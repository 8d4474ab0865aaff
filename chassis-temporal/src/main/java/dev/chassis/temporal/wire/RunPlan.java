package dev.chassis.temporal.wire;

import dev.chassis.core.tool.ToolSpec;
import dev.chassis.work.RunContext;
import dev.chassis.work.flow.Condition;
import dev.chassis.work.flow.Environment;
import dev.chassis.work.flow.Escalation;
import dev.chassis.work.flow.RunBudget;
import dev.chassis.work.flow.StepBudget;
import dev.chassis.work.flow.StepDef;
import dev.chassis.work.flow.Workflow;
import dev.chassis.work.gate.Gate;
import dev.chassis.work.gate.GateVerdict;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A run's workflow as its orchestration needs it, made once by a worker from the harness (the workflow file
 * or the registered Java workflow, with a fork's changes; the instruction map and the ledger's notes in the
 * system text; the schema and ledger gates) and recorded in the history, so the orchestration never reads a
 * file or the worker's configuration and replays the same on any worker. Gates and offline plans stay with the
 * workers: here a gate is its name.
 *
 * @param tools  every tool the run's steps may be offered
 * @param always the tools every step is offered (the instruction map's)
 * @param model    the model the worker's harness runs steps on
 * @param timeouts how long calls may take and how often a wait looks again
 */
public record RunPlan(String workflow, List<Step> steps, RunBudget budget, String systemText, List<ToolSpec> tools, List<String> always,
                      String model, Timeouts timeouts) {

    /**
     * One step.
     *
     * @param extraGates the gates the harness adds (schema, ledger guards), checked before {@code gates}, the step's own
     */
    public record Step(String id, String instruction, List<String> needs, Optional<Condition> when, List<String> tools,
                       Optional<String> outputSchema, List<String> extraGates, List<String> gates, StepBudget budget, Escalation onExhausted) {
        public Step {
            needs = List.copyOf(needs);
            when = Objects.requireNonNullElse(when, Optional.empty());
            tools = List.copyOf(tools);
            outputSchema = Objects.requireNonNullElse(outputSchema, Optional.empty());
            extraGates = List.copyOf(extraGates);
            gates = List.copyOf(gates);
        }
    }

    public RunPlan {
        steps = List.copyOf(steps);
        tools = List.copyOf(tools);
        always = List.copyOf(always);
        Objects.requireNonNull(timeouts, "timeouts");
    }

    /** The plan of a run as a worker's harness builds it. */
    public static RunPlan of(RunContext context, Timeouts timeouts) {
        Workflow wf = context.workflow();
        Environment env = context.environment();
        List<Step> steps = wf.steps().stream().map(s -> new Step(s.id(), s.instruction(), s.needs(), s.when(), s.tools(), s.outputSchema(),
                env.extraGates().apply(s).stream().map(Gate::name).toList(), s.gates().stream().map(Gate::name).toList(), s.budget(),
                s.onExhausted())).toList();
        return new RunPlan(wf.name(), steps, env.runBudget(), env.systemText(), List.copyOf(env.tools().values()),
                env.alwaysAvailable().stream().map(ToolSpec::name).toList(), context.model(), timeouts);
    }

    /** The workflow to orchestrate: its steps with their gates by name (checked by workers, never here). */
    public Workflow toWorkflow() {
        Workflow.Builder b = Workflow.builder(workflow).budget(budget);
        for (Step s : steps) {
            StepDef.Builder step = StepDef.builder(s.id()).instruction(s.instruction()).needs(s.needs().toArray(String[]::new))
                    .tools(s.tools().toArray(String[]::new)).budget(s.budget()).onExhausted(s.onExhausted());
            s.when().ifPresent(step::when);
            s.outputSchema().ifPresent(step::outputSchema);
            s.gates().forEach(g -> step.gate(remote(g)));
            b.step(step.build());
        }
        return b.build();
    }

    /** What every step gets: the tools by name, the system text, the extra gates by name, the run's budget. */
    public Environment toEnvironment() {
        Map<String, ToolSpec> specs = new LinkedHashMap<>();
        tools.forEach(t -> specs.put(t.name(), t));
        Map<String, List<Gate>> extra = new LinkedHashMap<>();
        steps.forEach(s -> extra.put(s.id(), s.extraGates().stream().map(RunPlan::remote).toList()));
        return new Environment(specs, systemText, step -> extra.getOrDefault(step.id(), List.of()), always.stream().map(specs::get).toList(),
                budget);
    }

    /** A gate the orchestration knows by name; a worker checks it. */
    private static Gate remote(String name) {
        return Gate.of(name, in -> new GateVerdict.Fail(name, List.of("gate '" + name + "' is checked by a worker, not by the orchestration")));
    }
}
