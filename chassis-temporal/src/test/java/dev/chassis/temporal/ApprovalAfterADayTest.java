package dev.chassis.temporal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chassis.core.journal.InMemoryJournal;
import dev.chassis.work.RunOutcome;
import dev.chassis.work.WorkHarness;
import dev.chassis.work.flow.Workflow;
import dev.chassis.work.journal.PauseKind;
import dev.chassis.work.journal.RunEvent;
import dev.chassis.work.journal.RunRecord;
import dev.chassis.work.journal.RunStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The example YAML workflow (instruction map, read gates, a judge, a condition, an approval) on Temporal: it pauses
 * for a researcher, who approves a simulated day later through a signal; it ends as the same run does in this process.
 */
class ApprovalAfterADayTest {

    private static final Path FOLDER = Testbed.repo().resolve("examples/workflows/recruit-brief");

    private final Testbed bed = new Testbed();

    @AfterEach
    void close() {
        bed.close();
    }

    private static WorkHarness.Builder config(InMemoryJournal journal) {
        return WorkHarness.builder().model(Testbed.offline()).journal(journal).workdir(FOLDER);
    }

    @Test
    void a_run_waits_a_day_for_its_approval_then_ends_as_it_does_in_this_process() {
        WorkHarness local = config(new InMemoryJournal()).build();
        Workflow wf = local.load(FOLDER.resolve("workflow.yaml"));
        RunOutcome localPaused = local.start(wf, Map.of(), "brief-1", Map.of());
        RunOutcome localDone = local.approve("brief-1", "ana", "reads well");

        InMemoryJournal journal = new InMemoryJournal();
        try (TemporalEngine engine = bed.engine(config(journal))) {
            RunOutcome paused = engine.start(wf, Map.of(), "brief-1", Map.of());
            assertThat(paused.status()).isEqualTo(RunStatus.PAUSED);
            assertThat(paused.pending().orElseThrow().kind()).isEqualTo(PauseKind.APPROVAL);
            assertThat(paused.pending().orElseThrow().step()).isEqualTo(localPaused.pending().orElseThrow().step());
            assertThat(engine.summary("brief-1").status()).isEqualTo(RunStatus.PAUSED);

            bed.env.sleep(Duration.ofDays(1)); // the server's clock moves a day; the run waits on it, holding no thread
            RunOutcome done = engine.approve("brief-1", "ana", "reads well");

            assertThat(done.status()).isEqualTo(RunStatus.SUCCEEDED);
            assertThat(done.outputs()).isEqualTo(localDone.outputs());
            assertThat(done.usage().modelCalls()).isEqualTo(localDone.usage().modelCalls());
            assertThat(done.usage().toolCalls()).isEqualTo(localDone.usage().toolCalls());
        }
        RunRecord record = RunRecord.load("brief-1", journal);
        RunEvent.Paused pause = record.events(RunEvent.Paused.class).getFirst();
        RunEvent.Decided decided = record.events(RunEvent.Decided.class).getFirst();
        assertThat(decided.by()).isEqualTo("ana");
        assertThat(decided.approved()).isTrue();
        assertThat(Duration.between(pause.at(), decided.at())).isGreaterThanOrEqualTo(Duration.ofDays(1));
    }
}
