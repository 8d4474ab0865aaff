package dev.chassis.work.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chassis.core.event.EventSink;
import dev.chassis.core.journal.RunJournal;
import dev.chassis.core.ledger.Fix;
import dev.chassis.core.model.Model;
import dev.chassis.core.tool.Approver;
import dev.chassis.core.tool.Tool;
import dev.chassis.core.tool.ToolPolicy;
import dev.chassis.core.tool.ToolRunner;
import dev.chassis.core.tool.ToolSpec;
import dev.chassis.work.Fork;
import dev.chassis.work.RunDiff;
import dev.chassis.work.RunOutcome;
import dev.chassis.work.RunSummary;
import dev.chassis.work.budget.PriceTable;
import dev.chassis.work.flow.Environment;
import dev.chassis.work.flow.Keys;
import dev.chassis.work.flow.Orchestrator;
import dev.chassis.work.flow.StepDef;
import dev.chassis.work.flow.Workflow;
import dev.chassis.work.gate.Gate;
import dev.chassis.work.gate.GateInput;
import dev.chassis.work.gate.SchemaGate;
import dev.chassis.work.instructions.InstructionMap;
import dev.chassis.work.instructions.OpenInstructionsTool;
import dev.chassis.work.journal.RunEvent;
import dev.chassis.work.journal.RunRecord;
import dev.chassis.work.observe.WorkTracing;
import dev.chassis.work.yaml.WorkflowYaml;
import io.opentelemetry.api.OpenTelemetry;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/** Starts, resumes, decides, forks and compares runs: the work harness's engine. Thread-safe. */
public final class RunEngine {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Model model;
    private final Model judge;
    private final List<Tool> tools;
    private final ToolPolicy policy;
    private final Approver approver;
    private final RateLimits rateLimits;
    private final RunJournal journal;
    private final Path workdir;
    private final List<Fix> fixes;
    private final PriceTable prices;
    private final Clock clock;
    private final EventSink events;
    private final OpenTelemetry otel;
    private final Map<String, Workflow> workflows;
    private final Map<String, Predicate<GateInput>> predicates;

    public RunEngine(Model model, Model judge, List<Tool> tools, ToolPolicy policy, Approver approver, RateLimits rateLimits,
                     RunJournal journal, Path workdir, List<Fix> fixes, PriceTable prices, Clock clock, EventSink events, OpenTelemetry otel,
                     Map<String, Workflow> workflows, Map<String, Predicate<GateInput>> predicates) {
        this.model = model;
        this.judge = judge;
        this.tools = List.copyOf(tools);
        this.policy = policy;
        this.approver = approver;
        this.rateLimits = rateLimits;
        this.journal = journal;
        this.workdir = workdir;
        this.fixes = List.copyOf(fixes);
        this.prices = prices;
        this.clock = clock;
        this.events = events;
        this.otel = otel;
        this.workflows = new java.util.concurrent.ConcurrentHashMap<>(workflows);
        this.predicates = predicates;
        Set<String> names = new HashSet<>();
        for (Tool t : tools) {
            if (!names.add(t.spec().name())) {
                throw new IllegalStateException("two tools are named '" + t.spec().name() + "'");
            }
        }
    }

    public RunJournal journal() {
        return journal;
    }

    public Set<String> toolNames() {
        Set<String> names = new HashSet<>();
        tools.forEach(t -> names.add(t.spec().name()));
        names.add(OpenInstructionsTool.NAME);
        return names;
    }

    public String newRunId(String workflow) {
        return workflow.replaceAll("[^A-Za-z0-9_-]", "-") + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public RunOutcome start(Workflow wf, JsonNode inputs, String runId) {
        wf.requireTools(toolNames());
        if (wf.text().isEmpty()) {
            workflows.put(wf.name(), wf); // a Java workflow started here can be resumed here without registering it
        }
        RunRecord record = RunRecord.load(runId, journal);
        if (!record.events().isEmpty()) {
            throw new IllegalArgumentException("run '" + runId + "' already exists; resume it instead");
        }
        record.append(new RunEvent.Started(clock.instant(), Keys.started(), runId, wf.name(), source(wf), inputs.toString(), model.name(),
                Optional.empty(), Optional.empty(), changes(Map.of(), List.of()).put("folder", folderOf(wf)).toString()));
        return run(record, wf, inputs, model, fixes);
    }

    public RunOutcome resume(String runId) {
        RunRecord record = RunRecord.load(runId, journal);
        RunEvent.Started started = started(record, runId);
        JsonNode changes = parse(started.changes());
        Workflow wf = withInstructions(workflowOf(started), changes.path("instructions"));
        return run(record, wf, parse(started.inputs()), model, allFixes(changes));
    }

    public RunOutcome decide(String runId, boolean approved, String by, String note) {
        RunRecord record = RunRecord.load(runId, journal);
        started(record, runId);
        RunEvent.Paused pause = pendingPause(record).orElseThrow(() ->
                new IllegalArgumentException("run '" + runId + "' is not waiting for a decision"));
        String key = pause.key().replaceFirst("^pause:", "decision:");
        record.append(new RunEvent.Decided(clock.instant(), key, pause.step(), pause.kind(), approved, by == null ? "someone" : by,
                note == null ? "" : note));
        return resume(runId);
    }

    private static Optional<RunEvent.Paused> pendingPause(RunRecord record) {
        List<RunEvent.Paused> pauses = record.events(RunEvent.Paused.class);
        for (int i = pauses.size() - 1; i >= 0; i--) {
            RunEvent.Paused p = pauses.get(i);
            if (record.get(p.key().replaceFirst("^pause:", "decision:")).isEmpty()) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    private RunOutcome run(RunRecord record, Workflow wf, JsonNode inputs, Model stepModel, List<Fix> runFixes) {
        WorkTracing tracing = new WorkTracing(otel, record.runId(), wf.name());
        try {
            Optional<InstructionMap> map = wf.instructions().map(root -> InstructionMap.load(instructionsFolder(record).resolve(root)));
            List<Tool> runTools = new ArrayList<>(tools);
            map.ifPresent(m -> runTools.add(new OpenInstructionsTool(m)));
            ToolRunner runner = new ToolRunner(runTools, Ledgered.policy(policy, runFixes), approver, events, clock);
            Map<String, ToolSpec> specs = new LinkedHashMap<>();
            runTools.forEach(t -> specs.put(t.spec().name(), t.spec()));
            String system = "You are an agent doing one step of the workflow '" + wf.name() + "'. Use the tools you are given when you need "
                    + "them, and answer only when the step is done." + map.map(m -> "\n\nInstruction map (open the documents it links "
                    + "to with open_instructions when you need them):\n" + m.rootText()).orElse("") + Ledgered.notes(runFixes);
            List<ToolSpec> always = map.isPresent() ? List.of(specs.get(OpenInstructionsTool.NAME)) : List.of();
            Environment env = new Environment(specs, system, step -> extraGates(step, runFixes), always);
            LocalActivities activities = new LocalActivities(record, stepModel, judge, runner, rateLimits, prices, clock, events, tracing, workdir);
            Orchestrator.Outcome o = new Orchestrator(wf, env, activities, record).run(inputs);
            return outcome(record, o);
        } finally {
            tracing.end();
        }
    }

    private List<Gate> extraGates(StepDef step, List<Fix> runFixes) {
        List<Gate> gates = new ArrayList<>();
        step.outputSchema().ifPresent(s -> gates.add(new SchemaGate(s)));
        gates.addAll(Ledgered.outputGuards(step, runFixes));
        return gates;
    }

    private RunOutcome outcome(RunRecord record, Orchestrator.Outcome o) {
        Map<String, JsonNode> outputs = new LinkedHashMap<>(o.outputs());
        outputs.remove("input");
        RunOutcome.Status status = RunOutcome.Status.valueOf(o.status().name());
        Optional<RunOutcome.Pause> pending = status == RunOutcome.Status.PAUSED
                ? pendingPause(record).map(p -> new RunOutcome.Pause(p.step(), p.kind(), p.reason())) : Optional.empty();
        return new RunOutcome(record.runId(), status, outputs, o.reason(), Usages.of(record), pending);
    }

    public List<RunSummary> runs() {
        List<RunSummary> out = new ArrayList<>();
        for (String id : journal.runs()) {
            // A journal may be shared with other writers: entries that are not run events, or have no run start,
            // are not runs of ours and are left out of the list (summary(id) still says what is wrong with one).
            RunRecord record;
            try {
                record = RunRecord.load(id, journal);
            } catch (dev.chassis.core.journal.JournalException notOurs) {
                continue;
            }
            if (record.get(Keys.started(), RunEvent.Started.class).isPresent()) {
                out.add(summary(record, id));
            }
        }
        out.sort(java.util.Comparator.comparing(RunSummary::startedAt));
        return out;
    }

    public RunSummary summary(String runId) {
        return summary(RunRecord.load(runId, journal), runId);
    }

    private RunSummary summary(RunRecord record, String runId) {
        RunEvent.Started s = started(record, runId);
        String status = record.get(Keys.finished(), RunEvent.Finished.class).map(RunEvent.Finished::status)
                .orElse(pendingPause(record).isPresent() ? "paused" : "running");
        int steps;
        try {
            steps = workflowOf(s).steps().size();
        } catch (RuntimeException e) {
            steps = 0;
        }
        int done = (int) record.events(RunEvent.StepEnded.class).stream().count();
        return new RunSummary(runId, s.workflow(), status, s.at(), done, steps, Usages.of(record).cost(), s.forkOf());
    }

    public RunOutcome fork(String runId, String fromStep, Fork changes) {
        RunRecord original = RunRecord.load(runId, journal);
        RunEvent.Started s = started(original, runId);
        JsonNode oldChanges = parse(s.changes());
        Map<String, String> instructions = new LinkedHashMap<>();
        oldChanges.path("instructions").properties().forEach(e -> instructions.put(e.getKey(), e.getValue().asText()));
        instructions.putAll(changes.instructions());
        List<Fix> forkFixes = new ArrayList<>(Forks.fixes(oldChanges));
        forkFixes.addAll(changes.fixes());
        Workflow wf = withInstructions(workflowOf(s), JSON.valueToTree(instructions));
        wf.step(fromStep);
        int n = 1;
        while (!journal.read(runId + "-fork-" + n).isEmpty()) {
            n++;
        }
        String forkId = runId + "-fork-" + n;
        Model forkModel = changes.model().orElse(model);
        RunRecord record = RunRecord.load(forkId, journal);
        record.append(new RunEvent.Started(clock.instant(), Keys.started(), forkId, s.workflow(), s.source(), s.inputs(), forkModel.name(),
                Optional.of(runId), Optional.of(fromStep), changes(instructions, forkFixes).put("folder", oldChanges.path("folder").asText(
                        workdir.toAbsolutePath().toString())).toString()));
        for (RunEvent e : Forks.kept(original, wf, fromStep)) {
            record.append(e);
        }
        List<Fix> runFixes = new ArrayList<>(fixes);
        runFixes.addAll(forkFixes);
        return run(record, wf, parse(s.inputs()), forkModel, runFixes);
    }

    public RunDiff diff(String runA, String runB) {
        RunRecord a = RunRecord.load(runA, journal);
        RunRecord b = RunRecord.load(runB, journal);
        Workflow wf = workflowOf(started(a, runA));
        started(b, runB);
        return Forks.diff(wf, a, b);
    }

    // --- workflows and their sources ---

    private static String source(Workflow wf) {
        return wf.text().orElse("java:" + wf.name());
    }

    private String folderOf(Workflow wf) {
        return wf.folder().orElse(workdir.toAbsolutePath().toString());
    }

    private ObjectNode changes(Map<String, String> instructions, List<Fix> extra) {
        ObjectNode c = JSON.createObjectNode();
        c.set("instructions", JSON.valueToTree(instructions));
        c.set("fixes", JSON.valueToTree(extra));
        c.put("folder", workdir.toAbsolutePath().toString());
        return c;
    }

    private List<Fix> allFixes(JsonNode changes) {
        List<Fix> all = new ArrayList<>(fixes);
        all.addAll(Forks.fixes(changes));
        return all;
    }

    private Path instructionsFolder(RunRecord record) {
        return record.get(Keys.started(), RunEvent.Started.class).map(s -> parse(s.changes()).path("folder").asText(""))
                .filter(f -> !f.isBlank()).map(Path::of).orElse(workdir);
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
        Path folder = Path.of(parse(s.changes()).path("folder").asText(workdir.toString()));
        return WorkflowYaml.parse(s.source(), s.workflow() + ".yaml", folder, toolNames(), predicates);
    }

    private static Workflow withInstructions(Workflow wf, JsonNode instructions) {
        if (instructions == null || instructions.isEmpty()) {
            return wf;
        }
        List<StepDef> steps = new ArrayList<>();
        for (StepDef s : wf.steps()) {
            JsonNode text = instructions.get(s.id());
            steps.add(text == null ? s : new StepDef(s.id(), text.asText(), s.needs(), s.when(), s.tools(), s.outputSchema(), s.gates(),
                    s.budget(), s.onExhausted(), s.offline()));
        }
        return wf.withSteps(steps);
    }

    private static RunEvent.Started started(RunRecord record, String runId) {
        return record.get(Keys.started(), RunEvent.Started.class)
                .orElseThrow(() -> new IllegalArgumentException("no run '" + runId + "' in the journal"));
    }

    static JsonNode parse(String json) {
        try {
            return json == null || json.isBlank() ? JSON.createObjectNode() : JSON.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("corrupt run journal: " + e.getOriginalMessage(), e);
        }
    }
}
