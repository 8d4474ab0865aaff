package dev.chassis.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chassis.research.ops.workflow.RunFolder;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Why a run stopped is on its timeline, even when it stopped before its first step, and it survives a restart. */
class RunStateTest {

    @Test
    void a_run_that_fails_before_any_step_shows_why(@TempDir Path dir) {
        RunState state = new RunState(new RunFolder(dir), Clock.systemUTC());
        state.stopped("failed", "the ledger folder ledger/ is gone: restore it or start the run without it");

        assertThat(state.steps()).singleElement().satisfies(s -> {
            assertThat(s.step()).isEqualTo(RunState.START);
            assertThat(s.status()).isEqualTo("failed");
            assertThat(s.summary()).contains("the ledger folder ledger/ is gone");
            assertThat(s.ended()).isPresent();
        });
        assertThat(new RunState(new RunFolder(dir), Clock.systemUTC()).steps()).as("read back from server.json").hasSize(1);
    }

    @Test
    void a_failure_during_a_step_ends_that_step(@TempDir Path dir) {
        RunState state = new RunState(new RunFolder(dir), Clock.systemUTC());
        state.stepStarted("draft");
        state.stopped("failed", "the model is down");

        assertThat(state.steps()).singleElement().satisfies(s -> {
            assertThat(s.step()).isEqualTo("draft");
            assertThat(s.status()).isEqualTo("failed");
            assertThat(s.summary()).isEqualTo("the model is down");
        });
    }
}
