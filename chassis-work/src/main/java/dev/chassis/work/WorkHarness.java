package dev.chassis.work;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chassis.core.embed.Embedder;
import dev.chassis.core.event.EventSink;
import dev.chassis.core.journal.InMemoryJournal;
import dev.chassis.core.journal.RunJournal;
import dev.chassis.core.ledger.Fix;
import dev.chassis.core.ledger.Ledger;
import dev.chassis.core.model.Model;
import dev.chassis.core.tool.Approver;
import dev.chassis.core.tool.Tool;
import dev.chassis.core.tool.ToolPolicy;
import dev.chassis.work.budget.PriceTable;
import dev.chassis.work.flow.Workflow;
import dev.chassis.work.gate.GateInput;
import dev.chassis.work.internal.RateLimits;
import dev.chassis.work.internal.RunEngine;
import dev.chassis.work.retrieval.DocumentSearch;
import dev.chassis.work.retrieval.EarlierRunsTool;
import dev.chassis.work.retrieval.ReadFileTool;
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
 * RunOutcome out = harness.start(harness.load(Path.of("workflow.yaml")), inputs);
 * if (out.status() == RunOutcome.Status.PAUSED) harness.approve(out.runId(), "ana", "looks right");
 * }</pre>
 */
public final class WorkHarness {

    static final ObjectMapper JSON = new ObjectMapper();

    private final RunEngine engine;
    private final Map<String, Predicate<GateInput>> predicates;

    private WorkHarness(RunEngine engine, Map<String, Predicate<GateInput>> predicates) {
        this.engine = engine;
        this.predicates = predicates;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Loads a workflow from YAML, checked against this harness's tools and predicates. */
    public Workflow load(Path yaml) {
        return WorkflowYaml.load(yaml, engine.toolNames(), predicates);
    }

    /** Starts a run with a generated id and runs it until it ends or pauses. */
    public RunOutcome start(Workflow workflow, JsonNode inputs) {
        return engine.start(workflow, inputs, engine.newRunId(workflow.name()));
    }

    /** Starts a run with the given id (letters, digits, '.', '_' and '-'). */
    public RunOutcome start(Workflow workflow, JsonNode inputs, String runId) {
        return engine.start(workflow, inputs, runId);
    }

    /** Continues a run from its journal: finished steps are not redone, recorded calls are replayed, not repeated. */
    public RunOutcome resume(String runId) {
        return engine.resume(runId);
    }

    /** Approves what a paused run waits for, then resumes it. */
    public RunOutcome approve(String runId, String by, String note) {
        return engine.decide(runId, true, by, note);
    }

    /** Rejects what a paused run waits for (the step fails), then resumes it to its end. */
    public RunOutcome reject(String runId, String by, String note) {
        return engine.decide(runId, false, by, note);
    }

    /** Every run in the journal, newest last. */
    public List<RunSummary> runs() {
        return engine.runs();
    }

    /** One run's summary. */
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

    /** The journal runs are written to. */
    public RunJournal journal() {
        return engine.journal();
    }

    /** Configures a {@link WorkHarness}; each setter checks its argument. Not thread-safe. */
    public static final class Builder {
        private Model model;
        private Model judge;
        private final List<Tool> tools = new ArrayList<>();
        private ToolPolicy policy = ToolPolicy.allowAll();
        private Approver approver = Approver.REFUSE_ALL;
        private final List<RateLimits.Limit> limits = new ArrayList<>();
        private RunJournal journal = new InMemoryJournal();
        private Path workdir = Path.of(".");
        private Path documents;
        private Embedder embedder;
        private List<Fix> fixes = List.of();
        private PriceTable prices = PriceTable.defaults();
        private Clock clock = Clock.systemUTC();
        private EventSink events = EventSink.NONE;
        private OpenTelemetry otel = OpenTelemetry.noop();
        private final Map<String, Workflow> workflows = new LinkedHashMap<>();
        private final Map<String, Predicate<GateInput>> predicates = new LinkedHashMap<>();

        private Builder() {
        }

        /** The model steps run on (required). */
        public Builder model(Model model) {
            this.model = Objects.requireNonNull(model, "model");
            return this;
        }

        /** The model judge gates ask (default: the step model). */
        public Builder judge(Model judge) {
            this.judge = Objects.requireNonNull(judge, "judge");
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

        /** The tool policy, checked before every call (default: allow every registered tool). */
        public Builder policy(ToolPolicy policy) {
            this.policy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** Who decides calls the policy marks ask (default: refuse them). */
        public Builder approver(Approver approver) {
            this.approver = Objects.requireNonNull(approver, "approver");
            return this;
        }

        /** At most {@code permits} calls per {@code per} to tools matching {@code toolGlob}; calls over it wait. */
        public Builder rateLimit(String toolGlob, int permits, Duration per) {
            limits.add(new RateLimits.Limit(toolGlob, permits, per));
            return this;
        }

        /** Where runs are journaled (default: in memory). */
        public Builder journal(RunJournal journal) {
            this.journal = Objects.requireNonNull(journal, "journal");
            return this;
        }

        /** The project folder: read_file's root, where command gates run and instruction maps are found (default: "."). */
        public Builder workdir(Path workdir) {
            this.workdir = Objects.requireNonNull(workdir, "workdir");
            return this;
        }

        /** A folder of documents for the search_documents tool. */
        public Builder documents(Path folder) {
            this.documents = Objects.requireNonNull(folder, "folder");
            return this;
        }

        /** Enables search by meaning in search_documents. */
        public Builder embedder(Embedder embedder) {
            this.embedder = Objects.requireNonNull(embedder, "embedder");
            return this;
        }

        /** Applies the work fixes of a mistake ledger: tool guards, output guards and context notes. */
        public Builder ledger(Ledger ledger) {
            this.fixes = ledger.fixes("work");
            return this;
        }

        /** Applies fixes directly (as {@link #ledger} does). */
        public Builder fixes(List<Fix> fixes) {
            this.fixes = List.copyOf(fixes);
            return this;
        }

        /** What model calls cost (default: {@link PriceTable#defaults()}). */
        public Builder prices(PriceTable prices) {
            this.prices = Objects.requireNonNull(prices, "prices");
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public Builder events(EventSink events) {
            this.events = Objects.requireNonNull(events, "events");
            return this;
        }

        public Builder openTelemetry(OpenTelemetry otel) {
            this.otel = Objects.requireNonNull(otel, "otel");
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
            if (model == null) {
                throw new IllegalStateException("a work harness needs a model: call model(...)");
            }
            List<Tool> all = new ArrayList<>(tools);
            all.add(new ReadFileTool(workdir));
            all.add(new EarlierRunsTool(journal));
            if (documents != null) {
                all.add(new DocumentSearch(documents, Optional.ofNullable(embedder)));
            }
            RunEngine engine = new RunEngine(model, judge == null ? model : judge, all, policy, approver, new RateLimits(limits), journal,
                    workdir, fixes, prices, clock, events, otel, Map.copyOf(workflows), Map.copyOf(predicates));
            return new WorkHarness(engine, Map.copyOf(predicates));
        }
    }

    /** A JSON object from key-value pairs, for run inputs. */
    public static ObjectNode inputs(Map<String, String> values) {
        ObjectNode n = JSON.createObjectNode();
        values.forEach(n::put);
        return n;
    }
}
