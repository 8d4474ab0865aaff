package dev.chassis.temporal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chassis.core.journal.InMemoryJournal;
import dev.chassis.core.tool.Tool;
import dev.chassis.core.tool.ToolResult;
import dev.chassis.core.tool.ToolSpec;
import dev.chassis.temporal.wire.Timeouts;
import dev.chassis.work.RunOutcome;
import dev.chassis.work.WorkHarness;
import dev.chassis.work.flow.OfflinePlan;
import dev.chassis.work.flow.Workflow;
import dev.chassis.work.journal.RunStatus;
import io.temporal.worker.WorkerFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A worker dies in the middle of a run's side effect; a new worker of the queue takes the run over from its history
 * (orchestration and the cut-off call) and finishes it: what completed is not done again, what was cut off is done
 * once, on the new worker.
 */
class WorkerKilledTest {

    private final Testbed bed = new Testbed();

    @AfterEach
    void close() {
        bed.close();
    }

    /** Sends invites, then publishes a page (the call the first worker dies in), then announces it. */
    private static Workflow launch() {
        return Workflow.builder("launch")
                .then("invite", s -> s.instruction("Send the invites").tools("send").offline(calls("send")))
                .then("publish", s -> s.instruction("Publish the page").tools("publish").offline(calls("publish")))
                .then("announce", s -> s.instruction("Announce it").tools("send").offline(calls("send")))
                .build();
    }

    private static OfflinePlan calls(String tool) {
        return new OfflinePlan.Calls(List.of(new OfflinePlan.PlannedCall(tool, "{}")), "{\"done\": ${call.0}}");
    }

    /** Side effects counted outside both workers; publishing blocks on the first worker until it is killed. */
    private static final class World {
        final Map<String, Integer> effects = new ConcurrentHashMap<>();
        final CountDownLatch publishing = new CountDownLatch(1);
        final CountDownLatch never = new CountDownLatch(1);

        Tool send() {
            return Tool.of(new ToolSpec("send", "Sends", ToolSpec.NO_PARAMETERS, true), call -> effect("send"));
        }

        Tool publish(boolean hang) {
            return Tool.of(new ToolSpec("publish", "Publishes", ToolSpec.NO_PARAMETERS, true), call -> {
                if (hang) {
                    publishing.countDown();
                    try {
                        never.await(); // the worker dies here, before the page is published
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return new ToolResult.Failed("interrupted", true);
                    }
                }
                return effect("publish");
            });
        }

        private ToolResult effect(String what) {
            return new ToolResult.Ok("{\"n\": " + effects.merge(what, 1, Integer::sum) + "}");
        }
    }

    @Test
    void a_run_whose_worker_dies_mid_call_is_finished_by_another_with_every_side_effect_once() throws Exception {
        World world = new World();
        Timeouts quick = Timeouts.DEFAULTS.withHeartbeat(Duration.ofSeconds(2));
        String queue = "launch-queue";
        // the client only drives the run; the first worker (orchestration and side effects) dies, a second replaces it
        TemporalEngine client = TemporalEngine.builder().client(bed.env.getWorkflowClient()).taskQueue(queue).worker(false).timeouts(quick)
                .harness(WorkHarness.builder().model(Testbed.offline()).journal(new InMemoryJournal()).tools(world.send(), world.publish(false))
                        .workflow(launch()))
                .build();
        WorkerFactory first = worker(queue, world.publish(true), world, quick);
        WorkerFactory replacement = null;
        try {
            CompletableFuture<RunOutcome> outcome = CompletableFuture.supplyAsync(() -> client.start(launch(), Map.of(), "launch-1", Map.of()));
            assertThat(world.publishing.await(30, TimeUnit.SECONDS)).as("the first worker started publishing").isTrue();

            first.shutdownNow(); // the worker goes away in the middle of the call: its heartbeats stop, its cached run is gone
            replacement = worker(queue, world.publish(false), world, quick);

            RunOutcome done = outcome.get(60, TimeUnit.SECONDS);
            assertThat(done.status()).isEqualTo(RunStatus.SUCCEEDED);
            assertThat(done.outputs().get("announce").path("done").path("n").asInt()).isEqualTo(2);
            assertThat(world.effects).containsExactlyInAnyOrderEntriesOf(Map.of("send", 2, "publish", 1));
            assertThat(client.summary("launch-1").status()).isEqualTo(RunStatus.SUCCEEDED);
        } finally {
            for (WorkerFactory f : new WorkerFactory[] {first, replacement}) {
                if (f != null) {
                    f.shutdownNow();
                    f.awaitTermination(10, TimeUnit.SECONDS);
                }
            }
        }
    }

    /**
     * A started worker on {@code queue} serving both the runs' orchestration and their side effects, with its own harness.
     * Without a sticky queue: Temporal's test server never moves a dead worker's sticky tasks (a cluster does, after a timeout).
     */
    private WorkerFactory worker(String queue, Tool publish, World world, Timeouts timeouts) {
        WorkHarness harness = WorkHarness.builder().model(Testbed.offline()).journal(new InMemoryJournal()).tools(world.send(), publish)
                .workflow(launch()).build();
        return ChassisWorkers.start(bed.env.getWorkflowClient(), queue, harness::context, timeouts, false);
    }
}
