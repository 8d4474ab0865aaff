package dev.chassis.work.yaml;

import dev.chassis.core.input.InvalidInputException;
import dev.chassis.core.input.StructuredReader;
import dev.chassis.core.input.YamlLocator;
import dev.chassis.work.flow.Condition;
import dev.chassis.work.flow.Escalation;
import dev.chassis.work.flow.OfflinePlan;
import dev.chassis.work.flow.StepBudget;
import dev.chassis.work.flow.StepDef;
import dev.chassis.work.flow.Workflow;
import dev.chassis.work.gate.ApprovalGate;
import dev.chassis.work.gate.CommandGate;
import dev.chassis.work.gate.Gate;
import dev.chassis.work.gate.GateInput;
import dev.chassis.work.gate.JudgeGate;
import dev.chassis.work.gate.OutputGuardGate;
import dev.chassis.work.gate.PredicateGate;
import dev.chassis.work.gate.RequiresReadGate;
import dev.chassis.work.gate.SchemaGate;
import dev.chassis.work.instructions.InstructionMap;
import dev.chassis.work.servers.ToolServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads a workflow from YAML. Every problem is one {@link InvalidInputException} naming the file,
 * line and field: syntax, unknown fields, a step needing an unknown step, a cycle, an unknown tool,
 * an invalid output schema, a gate that refers to a document the instruction map does not have.
 */
public final class WorkflowYaml {

    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)");

    private WorkflowYaml() {
    }

    /**
     * Loads {@code file}.
     *
     * @param knownTools the tools the harness has (steps may use no others)
     * @param predicates named Java checks that {@code predicate:} gates may use
     */
    public static Workflow load(Path file, Set<String> knownTools, Map<String, Predicate<GateInput>> predicates) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(file.toString(), 0, "", "file not found");
        } catch (IOException e) {
            throw new InvalidInputException(file.toString(), 0, "", "cannot be read: " + e.getMessage());
        }
        return parse(text, file.getFileName().toString(), file.toAbsolutePath().getParent(), knownTools, predicates);
    }

    /** Parses YAML text; {@code folder} is where relative paths (the instruction map) are resolved. */
    public static Workflow parse(String text, String source, Path folder, Set<String> knownTools, Map<String, Predicate<GateInput>> predicates) {
        WorkflowFile f = StructuredReader.yaml().read(text, source, WorkflowFile.class);
        if (f.name() == null || f.name().isBlank()) {
            throw YamlLocator.error(source, text, "name", "a workflow needs a name");
        }
        if (f.steps() == null || f.steps().isEmpty()) {
            throw YamlLocator.error(source, text, "steps", "a workflow needs at least one step");
        }
        Optional<InstructionMap> map = Optional.empty();
        if (f.instructions() != null && !f.instructions().isBlank()) {
            Path root = folder.resolve(f.instructions());
            if (!Files.isRegularFile(root)) {
                throw YamlLocator.error(source, text, "instructions", "instruction map '" + f.instructions() + "' not found in " + folder);
            }
            map = Optional.of(InstructionMap.load(root));
        }
        List<ToolServer> servers = ServersYaml.servers(f.mcp(), source, text);
        Set<String> known = ServersYaml.known(knownTools, servers);
        Workflow.Builder wf = Workflow.builder(f.name()).description(f.description() == null ? "" : f.description()).source(source).text(text)
                .budget(PolicyYaml.budget(f.budget(), source, text));
        if (f.instructions() != null) {
            wf.instructions(f.instructions());
        }
        if (folder != null) {
            wf.folder(folder.toAbsolutePath().toString());
        }
        servers.forEach(wf::server);
        PolicyYaml.policy(f.policy(), source, text, known).ifPresent(wf::policy);
        for (int i = 0; i < f.steps().size(); i++) {
            wf.step(step(f.steps().get(i), "steps[" + i + "]", source, text, known, predicates, map));
        }
        try {
            return wf.build();
        } catch (InvalidInputException e) {
            throw e.field().map(field -> YamlLocator.error(source, text, field, e.problem())).orElse(e);
        }
    }

    private static StepDef step(WorkflowFile.StepFile s, String at, String source, String text, Set<String> knownTools,
                                Map<String, Predicate<GateInput>> predicates, Optional<InstructionMap> map) {
        if (s.id() == null || !s.id().matches("[A-Za-z0-9_-]{1,64}")) {
            throw YamlLocator.error(source, text, at + ".id", "a step needs an id of 1-64 letters, digits, '_' or '-'");
        }
        if (s.instruction() == null || s.instruction().isBlank()) {
            throw YamlLocator.error(source, text, at + ".instruction", "step '" + s.id() + "' needs an instruction");
        }
        List<String> tools = s.tools() == null ? List.of() : s.tools();
        for (int t = 0; t < tools.size(); t++) {
            if (!knownTools.contains(tools.get(t))) {
                throw YamlLocator.error(source, text, at + ".tools[" + t + "]", "unknown tool '" + tools.get(t) + "'; known tools: "
                        + String.join(", ", new java.util.TreeSet<>(knownTools)));
            }
        }
        StepDef.Builder step = StepDef.builder(s.id()).instruction(s.instruction()).tools(tools.toArray(String[]::new))
                .needs(s.needs() == null ? new String[0] : s.needs().toArray(String[]::new))
                .budget(budget(s.budget(), at + ".budget", source, text));
        if (s.output() != null && !s.output().isNull()) {
            try {
                step.outputSchema(new SchemaGate(s.output().toString()).schema());
            } catch (IllegalArgumentException e) {
                throw YamlLocator.error(source, text, at + ".output", e.getMessage());
            }
        }
        List<WorkflowFile.GateFile> gateFiles = s.gates() == null ? List.of() : s.gates();
        for (int g = 0; g < gateFiles.size(); g++) {
            step.gate(gate(gateFiles.get(g), at + ".gates[" + g + "]", source, text, predicates, map));
        }
        if (s.when() != null) {
            step.when(condition(s.when(), at + ".when", source, text));
        }
        if (s.onExhausted() != null) {
            try {
                step.onExhausted(Escalation.valueOf(s.onExhausted().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw YamlLocator.error(source, text, at + ".onExhausted", "must be pause or fail, was '" + s.onExhausted() + "'");
            }
        }
        offline(s.offline(), at + ".offline", source, text, tools).ifPresent(step::offline);
        return step.build();
    }

    private static Condition condition(WorkflowFile.ConditionFile c, String at, String source, String text) {
        if (c.step() == null || c.step().isBlank()) {
            throw YamlLocator.error(source, text, at + ".step", "a condition needs 'step': the step whose output it tests");
        }
        Condition.Op op = c.op() == null ? Condition.Op.EQUALS : Condition.Op.of(c.op()).orElseThrow(() -> YamlLocator.error(source, text,
                at + ".op", "op must be one of " + Condition.Op.labels() + ", was '" + c.op() + "'"));
        try {
            return new Condition(c.step(), c.path(), op, c.value());
        } catch (IllegalArgumentException e) {
            throw YamlLocator.error(source, text, at + ".value", e.getMessage());
        }
    }

    private static Gate gate(WorkflowFile.GateFile g, String at, String source, String text, Map<String, Predicate<GateInput>> predicates,
                             Optional<InstructionMap> map) {
        int kinds = (g.command() != null ? 1 : 0) + (g.judge() != null ? 1 : 0) + (g.approval() != null ? 1 : 0) + (g.read() != null ? 1 : 0)
                + (g.predicate() != null ? 1 : 0) + (g.pattern() != null ? 1 : 0);
        if (kinds != 1) {
            throw YamlLocator.error(source, text, at, "a gate is exactly one of command, judge, approval, read, predicate or pattern");
        }
        if (g.command() != null) {
            if (g.command().isEmpty()) {
                throw YamlLocator.error(source, text, at + ".command", "a command gate needs a command, e.g. [\"./check.sh\"]");
            }
            return new CommandGate(name(g, "command"), g.command(), g.timeout() == null ? Duration.ofMinutes(2) : duration(g.timeout(), at + ".timeout", source, text));
        }
        if (g.judge() != null) {
            double threshold = g.threshold() == null ? 7 : g.threshold();
            if (threshold < 0 || threshold > 10) {
                throw YamlLocator.error(source, text, at + ".threshold", "a judge threshold is a score from 0 to 10, was " + threshold);
            }
            return new JudgeGate(name(g, "judge"), g.judge(), threshold);
        }
        if (g.approval() != null) {
            return new ApprovalGate(name(g, "approval"), g.approval());
        }
        if (g.read() != null) {
            if (map.isEmpty()) {
                throw YamlLocator.error(source, text, at + ".read", "the gate requires reading '" + g.read()
                        + "' but the workflow has no instruction map (instructions:)");
            }
            if (map.get().open(g.read()).isEmpty()) {
                throw YamlLocator.error(source, text, at + ".read", "the gate requires reading '" + g.read()
                        + "', which the instruction map does not have; documents: " + String.join(", ", map.get().documents()));
            }
            return new RequiresReadGate(g.read());
        }
        if (g.pattern() != null) {
            try {
                return new OutputGuardGate(name(g, "pattern"), Pattern.compile(g.pattern()), g.reason() == null ? "" : g.reason());
            } catch (PatternSyntaxException e) {
                throw YamlLocator.error(source, text, at + ".pattern", "not a valid regex: " + e.getDescription());
            }
        }
        Predicate<GateInput> p = predicates.get(g.predicate());
        if (p == null) {
            throw YamlLocator.error(source, text, at + ".predicate", "no predicate named '" + g.predicate() + "' is registered; registered: "
                    + String.join(", ", new java.util.TreeSet<>(predicates.keySet())));
        }
        return new PredicateGate(g.predicate(), p, g.reason() == null ? "the check '" + g.predicate() + "' failed" : g.reason());
    }

    private static String name(WorkflowFile.GateFile g, String kind) {
        return g.name() == null || g.name().isBlank() ? kind : g.name();
    }

    private static StepBudget budget(WorkflowFile.BudgetFile b, String at, String source, String text) {
        if (b == null) {
            return StepBudget.DEFAULT;
        }
        try {
            return new StepBudget(b.attempts() == null ? 3 : b.attempts(), b.iterations() == null ? 8 : b.iterations(),
                    Optional.ofNullable(b.tokens()), Optional.ofNullable(b.cost()),
                    b.wallTime() == null ? Optional.empty() : Optional.of(duration(b.wallTime(), at + ".wallTime", source, text)));
        } catch (IllegalArgumentException e) {
            throw YamlLocator.error(source, text, at, e.getMessage());
        }
    }

    private static Optional<OfflinePlan> offline(WorkflowFile.OfflineFile o, String at, String source, String text, List<String> tools) {
        if (o == null) {
            return Optional.empty();
        }
        List<OfflinePlan.PlannedCall> calls = new ArrayList<>();
        List<WorkflowFile.CallFile> files = o.calls() == null ? List.of() : o.calls();
        for (int i = 0; i < files.size(); i++) {
            WorkflowFile.CallFile c = files.get(i);
            if (c.tool() == null || !tools.contains(c.tool())) {
                throw YamlLocator.error(source, text, at + ".calls[" + i + "].tool",
                        "the offline plan calls '" + c.tool() + "', which is not among the step's tools " + tools);
            }
            calls.add(new OfflinePlan.PlannedCall(c.tool(), c.arguments() == null ? "{}" : c.arguments().toString()));
        }
        String output = o.output() == null ? "" : o.output().isTextual() ? o.output().asText() : o.output().toString();
        return Optional.of(new OfflinePlan.Calls(calls, output));
    }

    static Duration duration(String s, String at, String source, String text) {
        Matcher m = DURATION.matcher(s.strip());
        if (!m.matches()) {
            throw YamlLocator.error(source, text, at, "'" + s + "' is not a duration; write e.g. 500ms, 30s, 5m or 1h");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofHours(n);
        };
    }
}
