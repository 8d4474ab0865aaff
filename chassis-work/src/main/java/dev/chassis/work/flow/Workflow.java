package dev.chassis.work.flow;

import dev.chassis.core.input.InvalidInputException;
import dev.chassis.core.tool.ToolPolicy;
import dev.chassis.work.gate.Gate;
import dev.chassis.work.servers.ToolServer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A workflow: steps that depend on each other (a directed acyclic graph). Steps without
 * dependencies start at once; a step runs when all it needs has finished, so independent steps fan
 * out in parallel and a step that needs several fans in; a condition makes a branch. Defined with
 * {@link #builder} or loaded from YAML (the same model). Immutable; validated on build.
 *
 * <pre>{@code
 * Workflow wf = Workflow.builder("triage")
 *         .step("read", s -> s.instruction("Read the ticket").tools("read_file"))
 *         .step("classify", s -> s.instruction("Classify it").needs("read").output(Classification.class))
 *         .step("escalate", s -> s.instruction("Escalate").needs("classify")
 *                 .when(new Condition("classify", "/severity", Condition.Op.EQUALS, "high")))
 *         .build();
 * }</pre>
 *
 * @param source       where it came from (a file name, or {@code java})
 * @param instructions the instruction map's root file, relative to the workflow's folder, if any
 * @param text         the YAML it was read from (kept in the journal, so a run resumes with the same definition)
 * @param folder       the folder relative paths are resolved in (a YAML file's folder), as a path string
 * @param policy       the workflow's own tool policy (allow, deny, ask, rate limits), checked before the harness's
 * @param budget       the whole run's budget, beside each step's
 * @param servers      the tool servers (MCP) whose tools steps may use, as {@code <server>__<tool>}
 */
public record Workflow(String name, String description, List<StepDef> steps, String source, Optional<String> instructions,
                       Optional<String> text, Optional<String> folder, Optional<ToolPolicy> policy, RunBudget budget,
                       List<ToolServer> servers) {

    public Workflow {
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
        steps = List.copyOf(steps);
        source = source == null ? "java" : source;
        Objects.requireNonNull(instructions, "instructions");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(budget, "budget");
        servers = List.copyOf(servers);
        validate(name, steps, source);
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** The same workflow with other steps (a fork's changed instructions). */
    public Workflow withSteps(List<StepDef> newSteps) {
        return toBuilder().steps(newSteps).build();
    }

    private Builder toBuilder() {
        Builder b = builder(name).description(description).source(source).budget(budget).steps(steps);
        instructions.ifPresent(b::instructions);
        text.ifPresent(b::text);
        folder.ifPresent(b::folder);
        policy.ifPresent(b::policy);
        servers.forEach(b::server);
        return b;
    }

    /** The step with this id. */
    public StepDef step(String id) {
        return steps.stream().filter(s -> s.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("workflow '" + name + "' has no step '" + id + "'"));
    }

    /** The steps in a deterministic order that respects dependencies (declaration order among equals). */
    public List<StepDef> topologicalOrder() {
        List<StepDef> out = new ArrayList<>();
        Set<String> done = new HashSet<>();
        while (out.size() < steps.size()) {
            for (StepDef s : steps) {
                if (!done.contains(s.id()) && done.containsAll(s.needs())) {
                    out.add(s);
                    done.add(s.id());
                }
            }
        }
        return out;
    }

    /** Checks that every tool a step uses is one of {@code known}; the first unknown is named. */
    public void requireTools(Set<String> known) {
        for (int i = 0; i < steps.size(); i++) {
            for (String tool : steps.get(i).tools()) {
                if (!known.contains(tool)) {
                    throw new InvalidInputException(source, 0, "steps[" + i + "].tools",
                            "step '" + steps.get(i).id() + "' uses unknown tool '" + tool + "'; known tools: " + String.join(", ", new java.util.TreeSet<>(known)));
                }
            }
        }
    }

    private static void validate(String name, List<StepDef> steps, String source) {
        if (steps.isEmpty()) {
            throw new InvalidInputException(source, 0, "steps", "workflow '" + name + "' needs at least one step");
        }
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < steps.size(); i++) {
            if (index.put(steps.get(i).id(), i) != null) {
                throw new InvalidInputException(source, 0, "steps[" + i + "].id", "step id '" + steps.get(i).id() + "' is used twice");
            }
        }
        for (int i = 0; i < steps.size(); i++) {
            StepDef s = steps.get(i);
            for (String need : s.needs()) {
                if (!index.containsKey(need)) {
                    throw new InvalidInputException(source, 0, "steps[" + i + "].needs",
                            "step '" + s.id() + "' needs unknown step '" + need + "'");
                }
            }
            if (s.when().isPresent() && !index.containsKey(s.when().get().step())) {
                throw new InvalidInputException(source, 0, "steps[" + i + "].when",
                        "step '" + s.id() + "' has a condition on unknown step '" + s.when().get().step() + "'");
            }
            if (s.when().isPresent() && !s.needs().contains(s.when().get().step())) {
                throw new InvalidInputException(source, 0, "steps[" + i + "].when",
                        "step '" + s.id() + "' has a condition on '" + s.when().get().step() + "', so it must also need it");
            }
            Set<String> gateNames = new HashSet<>();
            for (Gate g : s.gates()) {
                if (!gateNames.add(g.name())) {
                    throw new InvalidInputException(source, 0, "steps[" + i + "].gates",
                            "step '" + s.id() + "' has two gates named '" + g.name() + "'");
                }
            }
        }
        cycle(steps).ifPresent(c -> {
            throw new InvalidInputException(source, 0, "steps", "the steps form a cycle: " + String.join(" -> ", c));
        });
    }

    private static Optional<List<String>> cycle(List<StepDef> steps) {
        Map<String, List<String>> needs = new HashMap<>();
        steps.forEach(s -> needs.put(s.id(), s.needs()));
        Map<String, Integer> state = new HashMap<>(); // 1 visiting, 2 done
        for (StepDef s : steps) {
            List<String> path = new ArrayList<>();
            Optional<List<String>> c = visit(s.id(), needs, state, path);
            if (c.isPresent()) {
                return c;
            }
        }
        return Optional.empty();
    }

    private static Optional<List<String>> visit(String id, Map<String, List<String>> needs, Map<String, Integer> state, List<String> path) {
        Integer st = state.get(id);
        if (st != null && st == 2) {
            return Optional.empty();
        }
        path.add(id);
        if (st != null && st == 1) {
            List<String> c = new ArrayList<>(path.subList(path.indexOf(id), path.size()));
            return Optional.of(c);
        }
        state.put(id, 1);
        for (String n : needs.getOrDefault(id, List.of())) {
            Optional<List<String>> c = visit(n, needs, state, path);
            if (c.isPresent()) {
                return c;
            }
        }
        state.put(id, 2);
        path.removeLast();
        return Optional.empty();
    }

    /** Builds a {@link Workflow}; not thread-safe. */
    public static final class Builder {
        private final String name;
        private String description = "";
        private String instructions;
        private String source = "java";
        private String text;
        private String folder;
        private ToolPolicy policy;
        private RunBudget budget = RunBudget.NONE;
        private final List<StepDef> steps = new ArrayList<>();
        private final List<ToolServer> servers = new ArrayList<>();

        private Builder(String name) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("a workflow needs a name");
            }
            this.name = name;
        }

        public Builder description(String d) {
            this.description = d;
            return this;
        }

        /** The instruction map's root file (Markdown), relative to the working folder. */
        public Builder instructions(String rootFile) {
            this.instructions = rootFile;
            return this;
        }

        /** Where the definition comes from, for messages (a file name; {@code java} by default). */
        public Builder source(String source) {
            this.source = Objects.requireNonNull(source, "source");
            return this;
        }

        /** The YAML the workflow was read from: journaled, so a run resumes with the same definition. */
        public Builder text(String yaml) {
            this.text = Objects.requireNonNull(yaml, "yaml");
            return this;
        }

        /** The folder relative paths resolve in. */
        public Builder folder(String folder) {
            this.folder = Objects.requireNonNull(folder, "folder");
            return this;
        }

        /** The workflow's own tool policy: its rules are checked before the harness's, and its rate limits apply beside the harness's. */
        public Builder policy(ToolPolicy policy) {
            this.policy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** The whole run's budget, beside each step's. */
        public Builder budget(RunBudget budget) {
            this.budget = Objects.requireNonNull(budget, "budget");
            return this;
        }

        /** A tool server (MCP) whose tools steps may use, as {@code <server>__<tool>}; opened when a run starts. */
        public Builder server(ToolServer server) {
            servers.add(Objects.requireNonNull(server, "server"));
            return this;
        }

        /** Adds a step configured by {@code spec}. */
        public Builder step(String id, Consumer<StepDef.Builder> spec) {
            StepDef.Builder s = StepDef.builder(id);
            spec.accept(s);
            return step(s.build());
        }

        /** Adds a step. */
        public Builder step(StepDef step) {
            steps.add(Objects.requireNonNull(step, "step"));
            return this;
        }

        private Builder steps(List<StepDef> all) {
            steps.clear();
            steps.addAll(all);
            return this;
        }

        /** Adds a step that needs the previous one: a plain sequence. */
        public Builder then(String id, Consumer<StepDef.Builder> spec) {
            String previous = steps.isEmpty() ? null : steps.getLast().id();
            return step(id, s -> {
                if (previous != null) {
                    s.needs(previous);
                }
                spec.accept(s);
            });
        }

        /**
         * The workflow.
         *
         * @throws InvalidInputException naming the step and field when the steps do not form a valid graph
         */
        public Workflow build() {
            return new Workflow(name, description, steps, source, Optional.ofNullable(instructions), Optional.ofNullable(text),
                    Optional.ofNullable(folder), Optional.ofNullable(policy), budget, servers);
        }
    }
}
