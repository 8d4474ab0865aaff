package dev.chassis.work;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chassis.core.event.EventSink;
import dev.chassis.core.journal.Journal;
import dev.chassis.core.journal.JournalException;
import dev.chassis.core.ledger.Fix;
import dev.chassis.core.model.Model;
import dev.chassis.core.tool.Approver;
import dev.chassis.core.tool.Tool;
import dev.chassis.core.tool.ToolPolicy;
import dev.chassis.core.tool.ToolRunner;
import dev.chassis.core.tool.ToolSpec;
import dev.chassis.work.budget.PriceTable;
import dev.chassis.work.flow.Activities;
import dev.chassis.work.flow.Environment;
import dev.chassis.work.flow.EventKeys;
import dev.chassis.work.flow.Orchestrator;
import dev.chassis.work.flow.StepDef;
import dev.chassis.work.flow.Workflow;
import dev.chassis.work.gate.Gate;
import dev.chassis.work.gate.GateInput;
import dev.chassis.work.gate.SchemaGate;
import dev.chassis.work.instructions.InstructionMap;
import dev.chassis.work.instructions.OpenInstructionsTool;
import dev.chassis.work.internal.LedgerFixes;
import dev.chassis.work.internal.LocalActivities;
import dev.chassis.work.internal.RateLimits;
import dev.chassis.work.journal.PauseKind;
import dev.chassis.work.journal.RunChanges;
import dev.chassis.work.journal.RunEvent;
import dev.chassis.work.journal.RunRecord;
import dev.chassis.work.observe.WorkTracing;
import dev.chassis.work.servers.ToolServers;
import dev.chassis.work.yaml.WorkflowYaml;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Creates, resumes, decides, forks and compares runs: the work harness's engine, configured by
 * {@link WorkHarness.Builder}. Thread-safe.
 */
final class RunEngine {

    /** What the harness was configured with; every field set by {@link WorkHarness.Builder}. */
    static final class Settings {
        Model model;
        Model judge;
        List<Tool> tools = List.of();
        ToolPolicy policy = ToolPolicy.allowAll();
        Optional<Approver> approver = Optional.empty();
        RateLimits rateLimits = new RateLimits(List.of());
        Journal journal;
        Path workdir = Path.of(".");
        List<Fix> fixes = List.of();
        PriceTable prices = PriceTable.defaults();
        Clock clock = Clock.systemUTC();
        EventSink events = EventSink.NONE;
        OpenTelemetry otel = GlobalOpenTelemetry.get();   // no-op unless the application installed an SDK
        Map<String, Workflow> workflows = Map.of();
        Map<String, Predicate<GateInput>> predicates = Map.of();
        ToolServers toolServers = ToolServers.NONE;

        /** A copy, so that a builder used again does not change a harness it built. */
        Settings copy() {
            Settings c = new Settings();
            c.model = model;
            c.judge = judge;
            c.tools = tools;
            c.policy = policy;
            c.approver = approver;
            c.rateLimits = rateLimits;
            c.journal = journal;
            c.workdir = workdir;
            c.fixes = fixes;
            c.prices = prices;
            c.clock = clock;
            c.events = events;
            c.otel = otel;
            c.workflows = workflows;
            c.predicates = predicates;
            c.toolServers = toolServers;
            return c;
        }
    }

    private final Settings settings;
    private final Map<String, Workflow> workflows;

    RunEngine(Settings settings) {
        this.settings = settings;
        this.workflows = new ConcurrentHashMap<>(settings.workflows);
        Set<String> names = new HashSet<>();
        for (Tool t : settings.tools) {
            if (!names.add(t.spec().name())) {
                throw new IllegalStateException("two tools are named '" + t.spec().name() + "'");
            }
        }
    }

    Journal journal() {
        return settings.journal;
    }

    Set<String> toolNames() {
        Set<String> names = new HashSet<>();
        settings.tools.forEach(t -> names.add(t.spec().name()));
        names.add(OpenInstructionsTool.NAME);
        return names;
    }

    /** The tools of the servers {@code wf} declares, opening those not open yet. */
    private List<Tool> serverTools(Workflow wf) {
        List<Tool> tools = new ArrayList<>();
        wf.servers().forEach(server -> tools.addAll(settings.toolServers.tools(server)));
        return tools;
    }

    /** Closes the tool servers this harness opened itself. */
    void closeServers() {
        settings.toolServers.close();
    }

    Map<String, Predicate<GateInput>> predicates() {
        return settings.predicates;
    }

    String newRunId(String workflow) {
        return workflow.replaceAll("[^A-Za-z0-9_-]", "-") + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Journals a run's start (durably) without running it. */
    RunSummary create(Workflow wf, JsonNode inputs, String runId, Map<String, String> labels) {
        Set<String> known = toolNames();
        serverTools(wf).forEach(t -> known.add(t.spec().name())); // a server is opened before the run exists, so a wrong name fails here
        wf.requireTools(known);
        if (wf.text().isEmpty()) {
            workflows.put(wf.name(), wf); // a Java workflow started here can be resumed here without registering it
        }
        RunRecord record = RunRecord.load(runId, settings.journal);
        if (!record.events().isEmpty()) {
            throw new IllegalArgumentException("run '" + runId + "' already exists; resume it instead");
        }
        RunEvent.Started started = new RunEvent.Started(settings.clock.instant(), EventKeys.started(), runId, wf.name(), source(wf), inputs,
                settings.model.name(), Optional.empty(), Optional.empty(), RunChanges.in(folderOf(wf)), labels);
        record.append(started);
        return RunSummary.of(record, started, wf.steps().size());
    }

    /**
     * Continues a run from its journal: what is recorded is replayed, the rest is done. A run waiting for
     * something outside (a wait) does its waiting step again; a finished run only replays to its outcome.
     */
    RunOutcome resume(String runId) {
        RunRecord record = RunRecord.load(runId, settings.journal);
        RunEvent.Started started = started(record, runId);
        record.pendingPause().filter(p -> p.kind() == PauseKind.WAIT).ifPresent(p -> record.append(new RunEvent.Decided(
                settings.clock.instant(), EventKeys.decisionFor(p.key()), p.step(), p.kind(), true, "resume", "")));
        Workflow wf = withInstructions(workflowOf(started), started.changes().instructions());
        return run(record, wf, started.inputs(), settings.model, allFixes(started.changes()));
    }

    RunOutcome decide(String runId, boolean approved, String by, String note) {
        RunRecord record = RunRecord.load(runId, settings.journal);
        started(record, runId);
        RunEvent.Paused pause = record.pendingPause().orElseThrow(() ->
                new IllegalArgumentException("run '" + runId + "' is not waiting for a decision"));
        record.append(new RunEvent.Decided(settings.clock.instant(), EventKeys.decisionFor(pause.key()), pause.step(), pause.kind(), approved,
                by == null || by.isBlank() ? "someone" : by, note == null ? "" : note));
        return resume(runId);
    }

    private RunOutcome run(RunRecord record, Workflow wf, JsonNode inputs, Model stepModel, List<Fix> runFixes) {
        RunContext context = context(record.runId(), instructionsFolder(record), wf, stepModel, runFixes);
        Orchestrator.Outcome o = context.withActivities(record, true, a -> new Orchestrator(wf, context.environment(), a, record).run(inputs));
        return outcome(record, o);
    }

    /** The run that began with {@code s} as this harness runs it: its workflow with the run's changes, its environment, its side effects. */
    RunContext context(RunEvent.Started s) {
        Workflow wf = withInstructions(workflowOf(s), s.changes().instructions());
        Path folder = s.changes().folder().isBlank() ? settings.workdir : Path.of(s.changes().folder());
        return context(s.runId(), folder, wf, settings.model, allFixes(s.changes()));
    }

    private RunContext context(String runId, Path instructionsFolder, Workflow wf, Model stepModel, List<Fix> runFixes) {
        Optional<InstructionMap> map = wf.instructions().map(root -> InstructionMap.load(instructionsFolder.resolve(root)));
        List<Tool> runTools = new ArrayList<>(settings.tools);
        runTools.addAll(serverTools(wf));
        map.ifPresent(m -> runTools.add(new OpenInstructionsTool(m)));
        ToolPolicy policy = LedgerFixes.policy(wf.policy().map(p -> p.over(settings.policy)).orElse(settings.policy), runFixes);
        ToolRunner runner = new ToolRunner(runTools, policy, settings.approver.orElse(Approver.REFUSE_ALL), settings.events, settings.clock);
        Map<String, ToolSpec> specs = new LinkedHashMap<>();
        runTools.forEach(t -> specs.put(t.spec().name(), t.spec()));
        String system = "You are an agent doing one step of the workflow '" + wf.name() + "'. Use the tools you are given when you need "
                + "them, and answer only when the step is done." + map.map(m -> "\n\nInstruction map (open the documents it links "
                + "to with open_instructions when you need them):\n" + m.rootText()).orElse("") + LedgerFixes.notes(runFixes);
        List<ToolSpec> always = map.isPresent() ? List.of(specs.get(OpenInstructionsTool.NAME)) : List.of();
        Environment env = new Environment(specs, system, step -> extraGates(step, runFixes), always, wf.budget());
        RateLimits limits = settings.rateLimits.with(wf.policy().map(ToolPolicy::limits).orElse(List.of()));
        return new RunContext(wf, env, stepModel.name(), (record, retryModel) -> {
            WorkTracing tracing = new WorkTracing(settings.otel, runId, wf.name());
            LocalActivities activities = LocalActivities.builder().record(record).model(stepModel).judge(settings.judge)
                    .tools(runner, policy, settings.approver.isEmpty()).rateLimits(limits).retryModel(retryModel)
                    .prices(settings.prices).clock(settings.clock).events(settings.events).tracing(tracing).workdir(settings.workdir).build();
            return new RunContext.ContextActivities() {
                @Override
                public Activities activities() {
                    return activities;
                }

                @Override
                public void close() {
                    tracing.end();
                }
            };
        });
    }

    private static List<Gate> extraGates(StepDef step, List<Fix> runFixes) {
        List<Gate> gates = new ArrayList<>();
        step.outputSchema().ifPresent(s -> gates.add(new SchemaGate(s)));
        gates.addAll(LedgerFixes.outputGuards(step, runFixes));
        return gates;
    }

    private static RunOutcome outcome(RunRecord record, Orchestrator.Outcome o) {
        Map<String, JsonNode> outputs = new LinkedHashMap<>(o.outputs());
        outputs.remove("input");
        Optional<RunOutcome.Pause> pending = o.status() == dev.chassis.work.journal.RunStatus.PAUSED
                ? record.pendingPause().map(RunSummary::pauseOf) : Optional.empty();
        return new RunOutcome(record.runId(), o.status(), outputs, o.reason(), record.usage(), pending);
    }

    List<RunSummary> runs() {
        List<RunSummary> out = new ArrayList<>();
        for (String id : settings.journal.streams()) {
            // A journal may be shared with other writers: entries that are not run events, or have no run start,
            // are not runs of ours and are left out of the list (summary(id) still says what is wrong with one).
            RunRecord record;
            try {
                record = RunRecord.load(id, settings.journal);
            } catch (JournalException notOurs) {
                continue;
            }
            record.get(EventKeys.started(), RunEvent.Started.class).ifPresent(s -> out.add(summary(record, s)));
        }
        out.sort(Comparator.comparing(RunSummary::startedAt));
        return out;
    }

    RunSummary summary(String runId) {
        RunRecord record = RunRecord.load(runId, settings.journal);
        return summary(record, started(record, runId));
    }

    private RunSummary summary(RunRecord record, RunEvent.Started s) {
        int steps;
        try {
            steps = workflowOf(s).steps().size();
        } catch (RuntimeException e) {
            steps = 0;
        }
        return RunSummary.of(record, s, steps);
    }

    RunOutcome fork(String runId, String fromStep, Fork changes) {
        RunRecord original = RunRecord.load(runId, settings.journal);
        RunEvent.Started s = started(original, runId);
        RunChanges forkChanges = s.changes().withInstructions(changes.instructions()).withFixes(changes.fixes());
        Workflow wf = withInstructions(workflowOf(s), forkChanges.instructions());
        wf.step(fromStep);
        int n = 1;
        while (!settings.journal.read(runId + "-fork-" + n).isEmpty()) {
            n++;
        }
        String forkId = runId + "-fork-" + n;
        Model forkModel = changes.model().orElse(settings.model);
        RunRecord record = RunRecord.load(forkId, settings.journal);
        Map<String, String> labels = new LinkedHashMap<>(s.labels());
        labels.putAll(changes.labels());
        record.append(new RunEvent.Started(settings.clock.instant(), EventKeys.started(), forkId, s.workflow(), s.source(), s.inputs(),
                forkModel.name(), Optional.of(runId), Optional.of(fromStep), forkChanges, labels));
        for (RunEvent e : Forks.kept(original, wf, fromStep)) {
            record.append(e);
        }
        return run(record, wf, s.inputs(), forkModel, allFixes(forkChanges));
    }

    RunDiff diff(String runA, String runB) {
        RunRecord a = RunRecord.load(runA, settings.journal);
        RunRecord b = RunRecord.load(runB, settings.journal);
        Workflow wf = workflowOf(started(a, runA));
        started(b, runB);
        return Forks.diff(wf, a, b);
    }

    // --- workflows and their sources ---

    private static String source(Workflow wf) {
        return wf.text().orElse("java:" + wf.name());
    }

    private String folderOf(Workflow wf) {
        return wf.folder().orElse(settings.workdir.toAbsolutePath().toString());
    }

    private List<Fix> allFixes(RunChanges changes) {
        List<Fix> all = new ArrayList<>(settings.fixes);
        all.addAll(changes.fixes());
        return all;
    }

    private Path instructionsFolder(RunRecord record) {
        return record.get(EventKeys.started(), RunEvent.Started.class).map(s -> s.changes().folder())
                .filter(f -> !f.isBlank()).map(Path::of).orElse(settings.workdir);
    }

    private Workflow workflowOf(RunEvent.Started s) {
        if (s.source().startsWith("java:")) {
            Workflow wf = workflows.get(s.source().substring("java:".length()));
            if (wf == null) {
                throw new IllegalStateException("run '" + s.runId() + "' is of the Java workflow '" + s.workflow()
                        + "', which this harness does not know: register it with WorkHarness.builder().workflow(...)");
            }
            return wf;
        }
        Path folder = s.changes().folder().isBlank() ? settings.workdir : Path.of(s.changes().folder());
        return WorkflowYaml.parse(s.source(), s.workflow() + ".yaml", folder, toolNames(), settings.predicates);
    }

    private static Workflow withInstructions(Workflow wf, Map<String, String> instructions) {
        if (instructions.isEmpty()) {
            return wf;
        }
        return wf.withSteps(wf.steps().stream().map(s -> instructions.containsKey(s.id()) ? s.withInstruction(instructions.get(s.id())) : s)
                .toList());
    }

    private static RunEvent.Started started(RunRecord record, String runId) {
        return record.get(EventKeys.started(), RunEvent.Started.class)
                .orElseThrow(() -> new IllegalArgumentException("no run '" + runId + "' in the journal"));
    }
}
