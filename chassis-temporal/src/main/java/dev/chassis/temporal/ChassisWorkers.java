package dev.chassis.temporal;

import dev.chassis.temporal.activity.HarnessActivities;
import dev.chassis.temporal.wire.Timeouts;
import dev.chassis.temporal.workflow.ChassisRunImpl;
import dev.chassis.work.RunContext;
import dev.chassis.work.WorkHarness;
import dev.chassis.work.journal.RunEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerFactoryOptions;
import io.temporal.worker.WorkerOptions;
import java.time.Duration;
import java.util.function.Function;

/**
 * Temporal workers for Chassis runs: a worker on a task queue runs the orchestration of every run on it and does
 * their model calls, tools and gates with a work harness. Every worker of a queue must know the same workflows
 * (the Java ones registered with the harness; YAML ones travel with the run) and have the same tools.
 *
 * <pre>{@code
 * WorkerFactory workers = ChassisWorkers.start(client, "chassis", WorkHarness.builder().model(model).tools(send).build());
 * // ... workers.shutdown() when the process stops
 * }</pre>
 */
public final class ChassisWorkers {

    private static final long DEADLOCK_MILLIS = 5_000;

    private ChassisWorkers() {
    }

    /** Registers the Chassis run workflow and activities on {@code worker}, building each run with {@code runs}. */
    public static void register(Worker worker, Function<RunEvent.Started, RunContext> runs, Timeouts timeouts) {
        worker.registerWorkflowImplementationTypes(ChassisRunImpl.class);
        worker.registerActivitiesImplementations(new HarnessActivities(runs, timeouts));
    }

    /** A started worker factory with one worker on {@code taskQueue} serving runs with {@code harness}. */
    public static WorkerFactory start(WorkflowClient client, String taskQueue, WorkHarness harness) {
        return start(client, taskQueue, harness::context, Timeouts.DEFAULTS);
    }

    /** A started worker factory with one worker on {@code taskQueue}, building each run with {@code runs}. */
    public static WorkerFactory start(WorkflowClient client, String taskQueue, Function<RunEvent.Started, RunContext> runs, Timeouts timeouts) {
        return start(client, taskQueue, runs, timeouts, true);
    }

    /**
     * As {@link #start(WorkflowClient, String, Function, Timeouts)}; {@code sticky} false for a worker that lives only while
     * its process drives a run: each run's next task then goes to any worker of the queue rather than waiting for this
     * one's cached copy (a cluster moves tasks off a dead worker's sticky queue only after a timeout).
     */
    static WorkerFactory start(WorkflowClient client, String taskQueue, Function<RunEvent.Started, RunContext> runs, Timeouts timeouts,
                               boolean sticky) {
        WorkerFactory factory = WorkerFactory.newInstance(client, WorkerFactoryOptions.newBuilder().setUsingVirtualWorkflowThreads(true).build());
        // a replay's first task loads the harness's classes (JSON, schemas) on the workflow thread: on a busy machine that can
        // take longer than the SDK's one second before it suspects a deadlock and retries the task
        WorkerOptions.Builder options = WorkerOptions.newBuilder().setUsingVirtualThreads(true).setDefaultDeadlockDetectionTimeout(DEADLOCK_MILLIS);
        if (!sticky) {
            options.setStickyQueueScheduleToStartTimeout(Duration.ZERO); // zero: the worker asks for no sticky queue
        }
        Worker worker = factory.newWorker(taskQueue, options.build());
        register(worker, runs, timeouts);
        factory.start();
        return factory;
    }
}
