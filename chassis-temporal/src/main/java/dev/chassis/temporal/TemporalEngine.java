package dev.chassis.temporal;

import dev.chassis.temporal.wire.ChassisRun;
import dev.chassis.temporal.wire.Decision;
import dev.chassis.temporal.wire.Json;
import dev.chassis.temporal.wire.RunState;
import dev.chassis.temporal.wire.Timeouts;
import dev.chassis.work.RunDetail;
import dev.chassis.work.RunOutcome;
import dev.chassis.work.RunSummary;
import dev.chassis.work.WorkEngine;
import dev.chassis.work.WorkHarness;
import dev.chassis.work.flow.EventKeys;
import dev.chassis.work.flow.Workflow;
import dev.chassis.work.journal.RunEvent;
import dev.chassis.work.journal.RunRecord;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.WorkerFactory;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runs Chassis workflows on Temporal: a {@link WorkEngine} whose runs are Temporal workflow executions (the run id,
 * with an optional prefix, is the workflow id; the history is the journal). A run's start is journaled in the
 * harness's journal first, as on the local engine, then the run starts on Temporal from it; after each call the
 * run's events are copied back into that journal, so what reads journals (listings, a run's detail) reads Temporal
 * runs too. While it drives a run the engine serves the run's task queue with a worker in this process (unless
 * told not to: then the cluster's workers do); other workers of the queue may take any part of it, and a run whose
 * worker died continues on the next one. Thread-safe; {@link #close} stops the worker.
 *
 * <pre>{@code
 * try (TemporalEngine engine = TemporalEngine.builder().client(TemporalEngine.connect("temporal:7233", "default"))
 *         .harness(WorkHarness.builder().model(model).tools(send)).taskQueue("chassis").build()) {
 *     RunOutcome out = engine.start(workflow, input, "brief-1", Map.of());
 * }
 * }</pre>
 */
public final class TemporalEngine implements WorkEngine, AutoCloseable {

    /** The labels a run started here carries: the engine, and where its workflow is (for resume, approve and reject). */
    public static final String LABEL_ENGINE = "engine";
    public static final String LABEL_TARGET = "temporal.target";
    public static final String LABEL_NAMESPACE = "temporal.namespace";
    public static final String LABEL_QUEUE = "temporal.queue";

    private final WorkflowClient client;
    private final WorkHarness harness;
    private final String taskQueue;
    private final String idPrefix;
    private final boolean worker;
    private final Timeouts timeouts;
    private WorkerFactory workers; // guarded by this

    private TemporalEngine(Builder b) {
        this.client = Objects.requireNonNull(b.client, "a Temporal engine needs a client: call client(...)");
        this.harness = Objects.requireNonNull(b.harness, "a Temporal engine needs the harness's configuration: call harness(...)").build();
        this.taskQueue = b.taskQueue;
        this.idPrefix = b.idPrefix;
        this.worker = b.worker;
        this.timeouts = b.timeouts;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * A client of the Temporal frontend at {@code target} ({@code host:port}), writing Chassis values as JSON.
     * Nothing is sent until the first call; a server that cannot be reached fails that call.
     */
    public static WorkflowClient connect(String target, String namespace) {
        WorkflowServiceStubs service = WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder().setTarget(target).build());
        return WorkflowClient.newInstance(service, WorkflowClientOptions.newBuilder().setNamespace(namespace).setDataConverter(Json.converter()).build());
    }

    /**
     * Engines on {@code client}, one per application scope (a study run, a workflow run's folder): run ids are prefixed
     * with the scope, and each scope has a task queue of its own ({@code queue-scope}) that this process serves while it
     * drives a run, because the scope's tools (its run folder, its sessions) live here.
     */
    public static WorkEngine.Factory factory(WorkflowClient client, String queue) {
        Objects.requireNonNull(client, "client");
        return (config, scope) -> builder().client(client).harness(config).taskQueue(queue + "-" + scope).idPrefix(scope + "/").build();
    }

    /**
     * As {@link #connect(String, String)}, and waits up to {@code timeout} for the server to answer its health check.
     *
     * @throws IllegalStateException in plain words, naming the address, when it does not answer
     */
    public static WorkflowClient connect(String target, String namespace, Duration timeout) {
        WorkflowServiceStubsOptions options = WorkflowServiceStubsOptions.newBuilder().setTarget(target).build();
        WorkflowServiceStubs service;
        try {
            service = WorkflowServiceStubs.newConnectedServiceStubs(options, timeout);
        } catch (RuntimeException e) {
            throw new IllegalStateException("the Temporal service at " + target + " did not answer within " + timeout.toSeconds()
                    + " s; is it running, and is the address right (--temporal-target host:port)?", e);
        }
        return WorkflowClient.newInstance(service, WorkflowClientOptions.newBuilder().setNamespace(namespace).setDataConverter(Json.converter()).build());
    }

    /** The task queue this engine's runs are on. */
    public String taskQueue() {
        return taskQueue;
    }

    /** The Temporal workflow id of run {@code runId}. */
    public String workflowId(String runId) {
        return idPrefix + runId;
    }

    @Override
    public RunSummary create(Workflow workflow, Object input, String runId, Map<String, String> labels) {
        Map<String, String> all = new LinkedHashMap<>(labels);
        all.put(LABEL_ENGINE, "temporal");
        all.put(LABEL_QUEUE, taskQueue);
        String target = client.getWorkflowServiceStubs().getOptions().getTarget();
        if (target != null) {
            all.put(LABEL_TARGET, target);
        }
        all.put(LABEL_NAMESPACE, client.getOptions().getNamespace());
        return harness.create(workflow, input, runId, all);
    }

    @Override
    public RunOutcome resume(String runId) {
        RunEvent.Started started = started(runId);
        serve();
        ChassisRun run = stub(runId);
        try {
            WorkflowClient.start(run::run, started);
        } catch (WorkflowExecutionAlreadyStarted exists) {
            RunState now = Calls.call(client, () -> existing(runId).state());
            boolean waits = now.outcome().pending().filter(p -> p.kind() == dev.chassis.work.journal.PauseKind.WAIT).isPresent();
            if (waits && now.pause().isPresent()) {
                Calls.call(client, () -> {
                    existing(runId).decide(new Decision(now.pause().get(), Decision.Kind.RESUME, "resume", ""));
                    return null;
                });
                return settle(runId, now.decisions() + 1);
            }
            return settle(runId, now.decisions());
        }
        return settle(runId, 0);
    }

    @Override
    public RunOutcome approve(String runId, String by, String note) {
        return decide(runId, Decision.Kind.APPROVE, by, note);
    }

    @Override
    public RunOutcome reject(String runId, String by, String note) {
        return decide(runId, Decision.Kind.REJECT, by, note);
    }

    private RunOutcome decide(String runId, Decision.Kind kind, String by, String note) {
        started(runId);
        serve();
        RunState now = Calls.call(client, () -> existing(runId).state());
        String pause = now.pause().orElseThrow(() -> new IllegalArgumentException("run '" + runId + "' is not waiting for a decision"));
        Calls.call(client, () -> {
            existing(runId).decide(new Decision(pause, kind, by, note));
            return null;
        });
        return settle(runId, now.decisions() + 1);
    }

    /** Waits until the run has taken in {@code decisions} decisions and paused or ended; copies its events into the journal. */
    private RunOutcome settle(String runId, int decisions) {
        RunOutcome outcome = Calls.settle(client, workflowId(runId), decisions);
        mirror(runId);
        return outcome;
    }

    /** Copies the run's events from its workflow into the harness's journal (what is there already is kept). */
    private void mirror(String runId) {
        List<RunEvent> events = Calls.call(client, () -> existing(runId).events()).events();
        RunRecord copy = RunRecord.load(runId, harness.journal());
        events.forEach(copy::append);
        copy.flush();
    }

    @Override
    public RunSummary summary(String runId) {
        refresh(runId);
        return harness.summary(runId);
    }

    @Override
    public RunDetail detail(String runId) {
        refresh(runId);
        return harness.detail(runId);
    }

    /** The runs whose start this engine's journal holds, as last copied from Temporal. */
    @Override
    public List<RunSummary> runs() {
        return harness.runs();
    }

    private void refresh(String runId) {
        started(runId);
        if (Calls.exists(client, workflowId(runId))) {
            serve();
            mirror(runId);
        }
    }

    private RunEvent.Started started(String runId) {
        return RunRecord.load(runId, harness.journal()).get(EventKeys.started(), RunEvent.Started.class)
                .orElseThrow(() -> new IllegalArgumentException("no run '" + runId + "' in the journal"));
    }

    private ChassisRun stub(String runId) {
        return client.newWorkflowStub(ChassisRun.class, WorkflowOptions.newBuilder().setWorkflowId(workflowId(runId)).setTaskQueue(taskQueue)
                .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
                .setMemo(memo(runId)).build());
    }

    /** A stub of the run's workflow once started: for its queries and signals. */
    private ChassisRun existing(String runId) {
        return client.newWorkflowStub(ChassisRun.class, workflowId(runId));
    }

    private Map<String, Object> memo(String runId) {
        Map<String, Object> memo = new LinkedHashMap<>(started(runId).labels());
        memo.put("run", runId);
        memo.put("status", "running");
        return memo;
    }

    /** Serves the run's task queue from this process, once, when the engine runs a worker. */
    private synchronized void serve() {
        if (worker && workers == null) {
            workers = ChassisWorkers.start(client, taskQueue, harness::context, timeouts, false);
        }
    }

    /** The harness whose journal and configuration this engine uses (the side effects of runs served here). */
    public WorkHarness harness() {
        return harness;
    }

    /** Stops this process's worker; runs go on wherever other workers serve their queue. */
    @Override
    public synchronized void close() {
        if (workers != null) {
            workers.shutdownNow();
            workers.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
            workers = null;
        }
    }

    /** Configures a {@link TemporalEngine}. Not thread-safe. */
    public static final class Builder {
        private WorkflowClient client;
        private WorkHarness.Builder harness;
        private String taskQueue = "chassis";
        private String idPrefix = "";
        private boolean worker = true;
        private Timeouts timeouts = Timeouts.DEFAULTS;

        private Builder() {
        }

        /** The Temporal client ({@link TemporalEngine#connect}, or a test environment's); its data converter must be {@link Json#converter()}. */
        public Builder client(WorkflowClient c) {
            this.client = Objects.requireNonNull(c, "client");
            return this;
        }

        /** The harness's configuration: model, tools, policy, ledger, registered Java workflows, and the journal runs are copied to. */
        public Builder harness(WorkHarness.Builder config) {
            this.harness = Objects.requireNonNull(config, "harness");
            return this;
        }

        /** The task queue (default {@code chassis}). */
        public Builder taskQueue(String queue) {
            if (queue == null || queue.isBlank()) {
                throw new IllegalArgumentException("a task queue needs a name");
            }
            this.taskQueue = queue;
            return this;
        }

        /** Put before run ids to make workflow ids, when run ids are unique only within something (a study run's folder). */
        public Builder idPrefix(String prefix) {
            this.idPrefix = Objects.requireNonNull(prefix, "prefix");
            return this;
        }

        /** Whether this process serves the task queue while it drives a run (default true); false when workers run elsewhere. */
        public Builder worker(boolean serve) {
            this.worker = serve;
            return this;
        }

        /** How long calls may take and how often a wait looks again (recorded in each run's plan by the worker that starts it). */
        public Builder timeouts(Timeouts t) {
            this.timeouts = Objects.requireNonNull(t, "timeouts");
            return this;
        }

        /** @throws NullPointerException naming what is missing */
        public TemporalEngine build() {
            return new TemporalEngine(this);
        }
    }
}
