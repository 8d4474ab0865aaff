package dev.chassis.temporal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chassis.core.journal.Journal;
import dev.chassis.models.offline.OfflineModel;
import dev.chassis.models.offline.Pacing;
import dev.chassis.temporal.wire.Json;
import dev.chassis.temporal.wire.Timeouts;
import dev.chassis.work.WorkHarness;
import dev.chassis.work.journal.RunEvent;
import dev.chassis.work.journal.RunRecord;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Temporal's own test server (in process, time skipping) with Chassis's data converter, and what the tests share. */
final class Testbed implements AutoCloseable {

    private static final AtomicInteger QUEUES = new AtomicInteger();
    static final ObjectMapper JSON = new ObjectMapper();

    final TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder()
            .setWorkflowClientOptions(WorkflowClientOptions.newBuilder().setDataConverter(Json.converter()).build()).build());

    /** An engine on a queue of its own over {@code config}. */
    TemporalEngine engine(WorkHarness.Builder config) {
        return engine(config, Timeouts.DEFAULTS);
    }

    TemporalEngine engine(WorkHarness.Builder config, Timeouts timeouts) {
        return TemporalEngine.builder().client(env.getWorkflowClient()).harness(config).taskQueue("test-" + QUEUES.incrementAndGet())
                .timeouts(timeouts).build();
    }

    static OfflineModel offline() {
        return OfflineModel.builder().pacing(Pacing.INSTANT).build();
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path repo() {
        return Path.of(System.getProperty("chassis.repo.dir", "..")).toAbsolutePath().normalize();
    }

    /** A run's events as {@code key type}, without times and durations, which differ between any two runs. */
    static List<String> shape(Journal journal, String runId) {
        return RunRecord.load(runId, journal).events().stream().map(Testbed::shape).sorted().toList();
    }

    static String shape(RunEvent e) {
        return e.key() + " " + switch (e) {
            case RunEvent.ModelCalled m -> "model " + m.text() + " " + m.toolCalls();
            case RunEvent.ToolStarted t -> "tool " + t.tool() + " " + t.arguments();
            case RunEvent.ToolFinished t -> "done " + t.outcome() + " " + t.content() + " " + t.policy();
            case RunEvent.GateChecked g -> "gate " + g.gate() + " " + g.verdict() + " " + g.findings();
            case RunEvent.StepEnded s -> "end " + s.status() + " " + s.output() + " " + s.reason();
            case RunEvent.Paused p -> "pause " + p.kind() + " " + p.reason() + " " + p.asks();
            case RunEvent.Decided d -> "decided " + d.approved() + " " + d.by() + " " + d.note();
            case RunEvent.Finished f -> "finished " + f.status() + " " + f.reason();
            case RunEvent.StepStarted s -> "start";
            case RunEvent.Started s -> "run " + s.workflow() + " " + s.inputs();
        };
    }

    @Override
    public void close() {
        env.close();
    }
}
