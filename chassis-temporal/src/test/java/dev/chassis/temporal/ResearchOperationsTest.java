package dev.chassis.temporal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chassis.models.offline.OfflineModel;
import dev.chassis.research.ops.conduct.SessionEvents;
import dev.chassis.research.ops.workflow.RunInfo;
import dev.chassis.research.ops.workflow.RunProgress;
import dev.chassis.research.ops.workflow.RunStore;
import dev.chassis.research.ops.workflow.StudyRun;
import dev.chassis.research.ops.workflow.StudyRuns;
import dev.chassis.work.journal.RunStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example study's research operations (recruit to report, synthetic participants) with their steps on Temporal. */
class ResearchOperationsTest {

    private static final Path STUDY = Testbed.repo().resolve("examples/study-onboarding/study.yaml");

    @TempDir
    Path dir;

    private final Testbed bed = new Testbed();

    @AfterEach
    void close() {
        bed.close();
    }

    @Test
    void the_research_operations_workflow_completes_on_temporal_with_each_invite_sent_once() throws Exception {
        RunStore store = new RunStore(dir.resolve("runs"));
        StudyRuns runs = new StudyRuns(store, OfflineModel.create(), StudyRuns.syntheticParticipants(), 2)
                .withEngines(TemporalEngine.factory(bed.env.getWorkflowClient(), "chassis"));
        StudyRuns.Request request = new StudyRuns.Request("study-1", STUDY, "offline", 42, Optional.empty(), Instant.parse("2025-02-20T10:00:00Z"));

        StudyRun.Outcome done = runs.start(request, RunProgress.NONE, SessionEvents.NONE);

        assertThat(done.transcripts()).hasSize(5);
        assertThat(done.synthesis().themes()).isNotEmpty();
        assertThat(Files.isRegularFile(done.report().html())).isTrue();
        assertThat(store.find("study-1").status()).isEqualTo(RunInfo.Status.DONE);
        List<String> sent = sentInvites(store);
        assertThat(sent).hasSize(5).doesNotHaveDuplicates();
        // the run is a Temporal workflow execution, whose history the run folder's journal mirrors
        assertThat(Calls.exists(bed.env.getWorkflowClient(), "study-1/ops-1")).isTrue();
        assertThat(bed.env.getWorkflowClient().newUntypedWorkflowStub("study-1/ops-1").getResult(dev.chassis.work.RunOutcome.class).status())
                .isEqualTo(RunStatus.SUCCEEDED);
    }

    private static List<String> sentInvites(RunStore store) throws IOException {
        Path log = store.folder("study-1").invites().resolve("sent.log");
        return Files.readAllLines(log).stream().filter(l -> !l.isBlank()).toList();
    }
}
