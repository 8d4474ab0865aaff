package dev.chassis.work;

import dev.chassis.work.flow.Workflow;
import java.util.List;
import java.util.Map;

/**
 * Where runs run: in this process ({@link WorkHarness}) or on an engine teams already run (chassis-temporal's
 * {@code TemporalEngine}). The same workflow definition, the same calls and the same outcomes on either;
 * an application that takes a {@code WorkEngine} (or a {@link Factory}) lets its operator choose.
 * Implementations are thread-safe.
 *
 * <pre>{@code
 * WorkEngine engine = WorkEngine.Factory.LOCAL.engine(WorkHarness.builder().model(model), "runs");
 * RunOutcome out = engine.start(workflow, input, "triage-1", Map.of());
 * }</pre>
 */
public interface WorkEngine extends AutoCloseable {

    /**
     * Journals a run's start without running it; {@link #resume} then runs it.
     *
     * @throws IllegalArgumentException when the run exists already
     */
    RunSummary create(Workflow workflow, Object input, String runId, Map<String, String> labels);

    /** Starts a run and runs it until it ends or pauses. */
    default RunOutcome start(Workflow workflow, Object input, String runId, Map<String, String> labels) {
        create(workflow, input, runId, labels);
        return resume(runId);
    }

    /** Continues a run until it ends or pauses: finished work is not redone, a completed side effect not repeated. */
    RunOutcome resume(String runId);

    /** Approves what a paused run waits for, then continues it to its end or next pause. */
    RunOutcome approve(String runId, String by, String note);

    /** Rejects what a paused run waits for, then continues it (the step fails; a tool call is refused). */
    RunOutcome reject(String runId, String by, String note);

    /**
     * One run's summary.
     *
     * @throws IllegalArgumentException when there is no such run
     */
    RunSummary summary(String runId);

    /** One run step by step, with what it waits for. */
    RunDetail detail(String runId);

    /** Every run this engine can see, oldest first. */
    List<RunSummary> runs();

    /** Lets go of what the engine holds in this process (a worker serving its runs); runs go on where they run. */
    @Override
    default void close() {
    }

    /** Makes the engine for one application scope (a study run's folder, a workflow run) from the harness's configuration. */
    @FunctionalInterface
    interface Factory {

        /** Runs in this process: the harness the configuration builds. */
        Factory LOCAL = (config, scope) -> config.build();

        /**
         * An engine over {@code config} (model, tools, policy, ledger, journal, workflows).
         *
         * @param scope what the runs belong to (letters, digits, '.', '_' and '-'): engines whose run ids are global
         *              (Temporal's workflow ids) prefix ids with it, so that runs of different scopes never meet
         */
        WorkEngine engine(WorkHarness.Builder config, String scope);
    }
}
