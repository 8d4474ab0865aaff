package dev.chassis.work;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chassis.core.embed.Embedder;
import dev.chassis.core.event.EventSink;
import dev.chassis.core.journal.InMemoryJournal;
import dev.chassis.core.journal.Journal;
import dev.chassis.core.ledger.Fix;
import dev.chassis.core.ledger.Ledger;
import dev.chassis.core.model.Model;
import dev.chassis.core.tool.Approver;
import dev.chassis.core.tool.RateLimit;
import dev.chassis.core.tool.Tool;
import dev.chassis.core.tool.ToolPolicy;
import dev.chassis.work.budget.PriceTable;
import dev.chassis.work.effects.WriteFileTool;
import dev.chassis.work.flow.Workflow;
import dev.chassis.work.gate.GateInput;
import dev.chassis.work.internal.RateLimits;
import dev.chassis.work.internal.TimedJournal;
import dev.chassis.work.journal.RunEvent;
import dev.chassis.work.retrieval.DocumentSearch;
import dev.chassis.work.retrieval.EarlierRunsTool;
import dev.chassis.work.retrieval.ReadFileTool;
import dev.chassis.work.servers.ToolServers;
import dev.chassis.work.yaml.WorkflowYaml;
import io.opentelemetry.api.OpenTelemetry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.function.Predicate;

/**
 * The work harness: configured once, then starts, resumes, forks and compares runs of workflows.
 * Thread-safe; runs of different ids may proceed concurrently.
 *
 * <pre>{@code
 * WorkHarness harness = WorkHarness.builder()
 *         .model(OfflineModel.create())
 *         .tools(sendInvite, lookUpParticipant)
 *         .journal(new FileJournal(Path.of(".chassis/runs")))
 *         .build();
 * RunOutcome out = harness.start(harness.load(Path.of("workflow.yaml")), new Brief("onboarding"));
 * if (out.status() == RunStatus.PAUSED) harness.approve(out.runId(), "ana", "looks right");
 * }</pre>
 */
public final class WorkHarness implements WorkEngine {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private final RunEngine engine;
    private final boolean ownsServers;

    private WorkHarness(RunEngine engine, boolean ownsServers) {
        this.engine = engine;
        this.ownsServers = ownsServers;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Loads a workflow from YAML, checked against this harness's tools and predicates. */
    public Workflow load(Path yaml) {
        return WorkflowYaml.load(yaml, engine.toolNames(), engine.predicates());
    }

    /** Starts a run with a generated id and runs it until it ends or pauses; {@code input} is JSON or a record. */
    public RunOutcome start(Workflow workflow, Object input) {
        return start(workflow, json(input), engine.newRunId(workflow.name()));
    }

    /** Starts a run with the given id (letters, digits, '.', '_' and '-'); {@code input} is JSON or a record. */
    public RunOutcome start(Workflow workflow, Object input, String runId) {
        return start(workflow, input, runId, Map.of());
    }

    /** Starts a run with the given id and labels (what the application records about it, for listings). */
    @Override
    public RunOutcome start(Workflow workflow, Object input, String runId, Map<String, String> labels) {
        create(workflow, input, runId, labels);
        return engine.resume(runId);
    }

    /**
     * Journals a run's start without running it, so that it exists (and can be resumed by id) before any
     * of its work begins; {@link #resume} then runs it.
     *
     * @throws IllegalArgumentException when the run exists already
     */
    @Override
    public RunSummary create(Workflow workflow, Object input, String runId, Map<String, String> labels) {
        return engine.create(workflow, json(input), runId, labels);
    }

    /**
     * Continues a run from its journal: finished steps are not redone, recorded calls are replayed, not
     * repeated; a step waiting for something outside is done again. A finished run only replays to its outcome.
     */
    @Override
    public RunOutcome resume(String runId) {
        return engine.resume(runId);
    }

    /** Approves what a paused run waits for (or lets a tool call it asks about run), then resumes it. */
    @Override
    public RunOutcome approve(String runId, String by, String note) {
        return engine.decide(runId, true, by, note);
    }

    /** Rejects what a paused run waits for (the step fails; a tool call is refused), then resumes it. */
    @Override
    public RunOutcome reject(String runId, String by, String note) {
        return engine.decide(runId, false, by, note);
    }

    /** Every run in the journal, oldest first. */
    @Override
    public List<RunSummary> runs() {
        return engine.runs();
    }

    /** One run's summary. */
    @Override
    public RunSummary summary(String runId) {
        return engine.summary(runId);
    }

    /** A new run that reuses {@code runId}'s work before {@code fromStep} and re-runs the rest with {@code changes}. */
    public RunOutcome fork(String runId, String fromStep, Fork changes) {
        return engine.fork(runId, fromStep, changes);
    }

    /** How two runs differ, step by step. */
    public RunDiff diff(String runA, String runB) {
        return engine.diff(runA, runB);
    }

    /** One run as its journal tells it, step by step, with what it waits for. */
    @Override
    public RunDetail detail(String runId) {
        return RunDetail.read(engine.journal(), runId).orElseThrow(() -> new IllegalArgumentException("no run '" + runId + "' in the journal"));
    }

    /**
     * The run that began with {@code started}, as this harness runs it: for engines that drive the orchestration
     * elsewhere and do the side effects here (chassis-temporal's activities).
     *
     * @throws IllegalStateException when the run is of a Java workflow this harness does not know
     */
    public RunContext context(RunEvent.Started started) {
        return engine.context(started);
    }

    /** The journal runs are written to. */
    public Journal journal() {
        return engine.journal();
    }

    /** Stops the tool servers this harness opened (those found on the class path; servers given to the builder are the caller's to close). */
    @Override
    public void close() {
        if (ownsServers) {
            engine.closeServers();
        }
    }

    private static JsonNode json(Object input) {
        return input instanceof JsonNode n ? n : JSON.valueToTree(Objects.requireNonNull(input, "input"));
    }

    /** Configures a {@link WorkHarness}; each setter checks its argument. Not thread-safe. */
    public static final class Builder {
        private final RunEngine.Settings settings = new RunEngine.Settings();
        private final List<Tool> tools = new ArrayList<>();
        private final List<RateLimit> limits = new ArrayList<>();
        private Path documents;
        private Path files;
        private Embedder embedder;
        private final Map<String, Workflow> workflows = new LinkedHashMap<>();
        private final Map<String, Predicate<GateInput>> predicates = new LinkedHashMap<>();
        private ToolServers toolServers;

        private Builder() {
            settings.journal = new InMemoryJournal();
        }

        /** The model steps run on (required). */
        public Builder model(Model model) {
            settings.model = Objects.requireNonNull(model, "model");
            return this;
        }

        /** The model judge gates ask (default: the step model). */
        public Builder judge(Model judge) {
            settings.judge = Objects.requireNonNull(judge, "judge");
            return this;
        }

        /** Tools steps may use (by name, in their {@code tools}). */
        public Builder tools(Tool... more) {
            tools.addAll(List.of(more));
            return this;
        }

        public Builder tools(List<? extends Tool> more) {
            tools.addAll(more);
            return this;
        }

        /** The tool policy, checked before every call (default: allow every registered tool); a workflow's own policy comes first. */
        public Builder policy(ToolPolicy policy) {
            settings.policy = Objects.requireNonNull(policy, "policy");
            limits.addAll(policy.limits());
            return this;
        }

        /**
         * Who decides at once on calls the policy marks ask (default: nobody at once: the run pauses for a
         * person, who approves or rejects the call with {@link #approve} or {@link #reject}).
         */
        public Builder approver(Approver approver) {
            settings.approver = Optional.of(Objects.requireNonNull(approver, "approver"));
            return this;
        }

        /** At most {@code permits} calls per {@code per} to tools matching {@code toolGlob}; calls over it wait. */
        public Builder rateLimit(String toolGlob, int permits, Duration per) {
            limits.add(new RateLimit(toolGlob, permits, per));
            return this;
        }

        /** Where runs are journaled (default: in memory). */
        public Builder journal(Journal journal) {
            settings.journal = Objects.requireNonNull(journal, "journal");
            return this;
        }

        /** The project folder: read_file's root, where command gates run and instruction maps are found (default: "."). */
        public Builder workdir(Path workdir) {
            settings.workdir = Objects.requireNonNull(workdir, "workdir");
            return this;
        }

        /** A folder of documents for the search_documents tool. */
        public Builder documents(Path folder) {
            this.documents = Objects.requireNonNull(folder, "folder");
            return this;
        }

        /**
         * A folder for the write_file tool (a run's own files): steps that list it may write text files there, each
         * call once (side-effecting: the policy can ask about it, and a resumed run never writes twice).
         */
        public Builder files(Path folder) {
            this.files = Objects.requireNonNull(folder, "folder");
            return this;
        }

        /** Enables search by meaning in search_documents. */
        public Builder embedder(Embedder embedder) {
            this.embedder = Objects.requireNonNull(embedder, "embedder");
            return this;
        }

        /** Applies the work fixes of a mistake ledger: tool guards, output guards and context notes. */
        public Builder ledger(Ledger ledger) {
            settings.fixes = ledger.fixes("work");
            return this;
        }

        /** Applies fixes directly (as {@link #ledger} does). */
        public Builder fixes(List<Fix> fixes) {
            settings.fixes = List.copyOf(fixes);
            return this;
        }

        /** What model calls cost (default: {@link PriceTable#defaults()}). */
        public Builder prices(PriceTable prices) {
            settings.prices = Objects.requireNonNull(prices, "prices");
            return this;
        }

        public Builder clock(Clock clock) {
            settings.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Where the harness's events go, as they happen. Event sinks listed on the class path (in
         * {@code META-INF/services/dev.chassis.core.event.EventSink}) get them too: for audit trails and metrics.
         */
        public Builder events(EventSink events) {
            settings.events = Objects.requireNonNull(events, "events");
            return this;
        }

        /** OpenTelemetry for spans per run, step, attempt, gate and tool call (default: the global one, a no-op unless the application installed an SDK). */
        public Builder openTelemetry(OpenTelemetry otel) {
            settings.otel = Objects.requireNonNull(otel, "otel");
            return this;
        }

        /**
         * Opens the tool servers (MCP) workflows declare; the caller closes it. Default: the implementation on the class
         * path (chassis-mcp's), opened by the harness and closed with it, or none.
         */
        public Builder toolServers(ToolServers servers) {
            this.toolServers = Objects.requireNonNull(servers, "servers");
            return this;
        }

        /** Registers a Java workflow, so that its runs can be resumed by id. */
        public Builder workflow(Workflow workflow) {
            workflows.put(workflow.name(), workflow);
            return this;
        }

        /** A named check that YAML workflows can use as a {@code predicate:} gate. */
        public Builder predicate(String name, Predicate<GateInput> check) {
            predicates.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(check, "check"));
            return this;
        }

        /**
         * Builds the harness.
         *
         * @throws IllegalStateException when the model is missing or two tools share a name
         */
        public WorkHarness build() {
            if (settings.model == null) {
                throw new IllegalStateException("a work harness needs a model: call model(...)");
            }
            List<Tool> all = new ArrayList<>(tools);
            all.add(new ReadFileTool(settings.workdir));
            all.add(new EarlierRunsTool(settings.journal));
            if (documents != null) {
                all.add(new DocumentSearch(documents, Optional.ofNullable(embedder)));
            }
            if (files != null) {
                all.add(new WriteFileTool(files));
            }
            RunEngine.Settings s = settings.copy();
            List<EventSink> sinks = new ArrayList<>(List.of(s.events));
            ServiceLoader.load(EventSink.class).forEach(sinks::add); // observers on the class path (audit, metrics) see every run
            s.events = EventSink.of(sinks.toArray(EventSink[]::new));
            s.journal = new TimedJournal(s.journal, s.events, s.clock);
            s.judge = s.judge == null ? s.model : s.judge;
            s.tools = List.copyOf(all);
            s.rateLimits = new RateLimits(List.copyOf(limits));
            s.workflows = Map.copyOf(workflows);
            s.predicates = Map.copyOf(predicates);
            s.toolServers = toolServers != null ? toolServers : ServiceLoader.load(ToolServers.class).findFirst().orElse(ToolServers.NONE);
            return new WorkHarness(new RunEngine(s), toolServers == null);
        }
    }

    /** A JSON object from key-value pairs, for run inputs. */
    public static ObjectNode inputs(Map<String, String> values) {
        ObjectNode n = JSON.createObjectNode();
        values.forEach(n::put);
        return n;
    }
}
