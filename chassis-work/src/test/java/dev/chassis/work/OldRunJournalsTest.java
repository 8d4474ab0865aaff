package dev.chassis.work;

import dev.chassis.work.journal.RunStatus;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chassis.core.journal.FileJournal;
import dev.chassis.core.tool.Tool;
import dev.chassis.core.tool.ToolPolicy;
import dev.chassis.core.tool.ToolResult;
import dev.chassis.core.tool.ToolSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Run journals written by the harness before its journal's closed sets became types
 * (src/test/resources/journal-v1, commit 9200fac) replay with today's code: listed with their state,
 * compared, resumed and decided without a finished tool call running again.
 */
class OldRunJournalsTest {

    private final AtomicInteger calls = new AtomicInteger();

    private WorkHarness harness(Path journalDir) {
        Tool lookup = Tool.of(ToolSpec.of("lookup", "Look up", ToolSpec.NO_PARAMETERS), c -> count(new ToolResult.Ok("{\"found\": 3}")));
        Tool flaky = Tool.of(ToolSpec.of("flaky", "Fails", ToolSpec.NO_PARAMETERS), c -> count(new ToolResult.Ok("{}")));
        Tool invite = Tool.of(new ToolSpec("send_invite", "Sends", ToolSpec.NO_PARAMETERS, true), c -> count(new ToolResult.Ok("{}")));
        return WorkHarness.builder().model(WorkFixtures.offline()).tools(lookup, flaky, invite).journal(new FileJournal(journalDir))
                .policy(ToolPolicy.builder().deny("send_*", Map.of("/to", ".*@example.org"), "no mail to example.org").allow("*").build())
                .build();
    }

    private ToolResult count(ToolResult r) {
        calls.incrementAndGet();
        return r;
    }

    @Test
    void old_runs_are_listed_with_their_state(@TempDir Path dir) throws IOException {
        WorkHarness h = harness(fixture(dir));
        assertThat(h.runs()).extracting(s -> s.runId() + " " + s.status().label())
                .containsExactlyInAnyOrder("approved succeeded", "rejected failed", "waiting paused", "escalated failed",
                        "approved-fork-1 paused");
        assertThat(h.summary("approved-fork-1").forkOf()).contains("approved");
        assertThat(h.summary("escalated").stepsDone()).isEqualTo(2);
    }

    @Test
    void a_finished_old_run_resumes_to_the_same_outcome_without_calling_anything(@TempDir Path dir) throws IOException {
        WorkHarness h = harness(fixture(dir));
        RunOutcome approved = h.resume("approved");
        assertThat(approved.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(approved.outputs().get("gather").path("facts").path("found").asInt()).isEqualTo(3);
        assertThat(approved.outputs()).doesNotContainKey("extra");
        RunOutcome escalated = h.resume("escalated");
        assertThat(escalated.status()).isEqualTo(RunStatus.FAILED);
        assertThat(escalated.reason()).isEqualTo("step 'spend' failed: budget exceeded: tokens 860 of 450");
        assertThat(calls).hasValue(0);
    }

    @Test
    void an_old_run_waiting_for_approval_continues_from_its_journal(@TempDir Path dir) throws IOException {
        WorkHarness h = harness(fixture(dir));
        RunOutcome waiting = h.resume("waiting");
        assertThat(waiting.status()).isEqualTo(RunStatus.PAUSED);
        assertThat(waiting.pending()).hasValueSatisfying(p -> assertThat(p.reason()).isEqualTo("Do the facts look right?"));
        RunOutcome done = h.approve("waiting", "ana", "fine");
        assertThat(done.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(done.outputs().get("check").path("ok").asBoolean()).isTrue();
        assertThat(calls).as("the gather step's tool calls are replayed, not made again").hasValue(0);
    }

    @Test
    void an_old_fork_diffs_against_its_original(@TempDir Path dir) throws IOException {
        WorkHarness h = harness(fixture(dir));
        RunDiff diff = h.diff("approved", "approved-fork-1");
        assertThat(diff.steps()).extracting(RunDiff.StepDiff::step).containsExactly("gather", "check", "extra");
        assertThat(diff.changed()).extracting(RunDiff.StepDiff::step).containsExactly("check", "extra");
    }

    private static Path fixture(Path dir) throws IOException {
        Path to = Files.createDirectories(dir.resolve("runs"));
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/journal-v1/runs"))) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
        return to;
    }
}
