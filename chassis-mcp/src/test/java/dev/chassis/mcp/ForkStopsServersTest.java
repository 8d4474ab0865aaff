package dev.chassis.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chassis.core.event.EventSink;
import dev.chassis.core.journal.Journal;
import dev.chassis.models.offline.OfflineModel;
import dev.chassis.models.offline.Pacing;
import dev.chassis.research.ops.workflow.FlowRuns;
import dev.chassis.research.ops.workflow.RunStore;
import dev.chassis.work.RunOutcome;
import dev.chassis.work.WorkHarness;
import dev.chassis.work.journal.RunStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A fork (what 'chassis fork' runs) closes its harness: the MCP server process its run started is gone when it returns. */
class ForkStopsServersTest {

    /** Before the long class path: a process's command line as the OS reports it may be cut short. */
    private static final String MARK = "notes-" + ProcessHandle.current().pid();

    @Test
    void the_mcp_server_a_forked_run_started_is_stopped_when_the_fork_returns(@TempDir Path dir) throws Exception {
        Path notes = dir.resolve("notes.txt");
        Path file = Files.writeString(dir.resolve("notes.yaml"),
                NotesWorkflow.workflow(NotesWorkflow.stdioServer(notes, "-Dchassis.test.server=" + MARK), ""));
        RunStore store = new RunStore(dir.resolve("runs"));
        FlowRuns runs = new FlowRuns(store, name -> OfflineModel.builder().name(name).pacing(Pacing.INSTANT).build());
        try (Journal j = store.journal(store.create("r").dir().getFileName().toString());
                WorkHarness h = FlowRuns.harness(OfflineModel.builder().pacing(Pacing.INSTANT).build(), file, EventSink.NONE,
                        store.folder("r"), Optional.empty()).journal(j).build()) {
            assertThat(h.start(h.load(file), WorkHarness.inputs(Map.of()), "r", FlowRuns.labels(file, "offline", Optional.empty())).status())
                    .isEqualTo(RunStatus.SUCCEEDED);
        }
        assertThat(serversLeft()).as("the original run's server stopped with its harness").isEmpty();

        String fork = runs.prepareFork("r", "write");
        RunOutcome forked = runs.fork("r", fork, new FlowRuns.ForkRequest("write", Optional.empty(), Optional.empty(), Optional.empty()),
                EventSink.NONE);

        assertThat(forked.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(NotesServer.lines(notes)).hasSize(2);   // the fork re-ran the step: its server was started, and called
        assertThat(serversLeft()).as("MCP server processes left running after the fork returned").isEmpty();
    }

    /**
     * The servers still running once those told to stop had time to exit (a server stops a moment after its input
     * is closed; one never told to stop runs until this JVM ends).
     */
    private static List<ProcessHandle> serversLeft() throws InterruptedException {
        long until = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
        while (!servers().isEmpty() && System.nanoTime() < until) {
            Thread.sleep(50);
        }
        return servers();
    }

    /** This JVM's child processes that are a NotesServer. */
    private static List<ProcessHandle> servers() {
        return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine().orElse("").contains("-Dchassis.test.server=" + MARK)).toList();
    }
}
