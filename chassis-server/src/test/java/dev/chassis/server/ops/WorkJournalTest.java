package dev.chassis.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.chassis.work.journal.PauseKind;
import dev.chassis.work.journal.RunChanges;
import dev.chassis.work.journal.RunEvent;
import dev.chassis.work.journal.RunStatus;
import dev.chassis.work.journal.StepStatus;
import dev.chassis.work.journal.ToolOutcome;
import dev.chassis.work.journal.Verdict;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Journal events in, the console's per-step view out: retries, failed gates, unfinished tools, pauses and cut-off attempts. */
class WorkJournalTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    private static Instant t(int seconds) {
        return T0.plusSeconds(seconds);
    }

    @Test
    void a_retried_step_lists_both_gate_verdicts_its_tools_and_summed_usage() {
        List<RunEvent> events = List.of(
                new RunEvent.Started(t(0), "started", "ops-1", "research-operations", "java:x", JsonNodeFactory.instance.objectNode(), "offline",
                        Optional.empty(), Optional.empty(), RunChanges.in(""), Map.of()),
                new RunEvent.StepStarted(t(1), "s:1", "recruit", 1),
                new RunEvent.ModelCalled(t(2), "m:1", "recruit", 1, 0, "offline", "", List.of(), 100, 20, 0.01, 300),
                new RunEvent.ToolStarted(t(2), "c:1", "recruit", "recruit", "{}"),
                new RunEvent.ToolFinished(t(3), "c:1:done", "recruit", "recruit", ToolOutcome.OK, "{}", "allow", 40),
                new RunEvent.GateChecked(t(3), "g:1", "recruit", 1, "schema", Verdict.FAIL, List.of("result is required"), ""),
                new RunEvent.StepStarted(t(4), "s:2", "recruit", 2),
                new RunEvent.ModelCalled(t(5), "m:2", "recruit", 2, 0, "offline", "", List.of(), 50, 10, 0.005, 200),
                new RunEvent.GateChecked(t(5), "g:2", "recruit", 2, "schema", Verdict.PASS, List.of(), ""),
                new RunEvent.StepEnded(t(6), "e:1", "recruit", StepStatus.SUCCEEDED, "{}", "", 2),
                new RunEvent.Finished(t(7), "finished", RunStatus.SUCCEEDED, ""));

        WorkView v = WorkJournal.attempt("ops-1", events, false, t(100));

        assertThat(v.status()).isEqualTo("succeeded");
        WorkView.Step recruit = v.steps().getFirst();
        assertThat(recruit.attempts()).isEqualTo(2);
        assertThat(recruit.gates()).containsExactly(new WorkView.Gate(1, "schema", "fail", List.of("result is required")),
                new WorkView.Gate(2, "schema", "pass", List.of()));
        assertThat(recruit.tools()).containsExactly(new WorkView.ToolUse("recruit", "{}", "ok", 40, "allow"));
        assertThat(recruit.usage()).isEqualTo(new WorkView.Usage(150, 30, 0.015, 500, 5_000));
    }

    @Test
    void a_journal_that_stops_mid_step_is_running_while_active_and_interrupted_otherwise() {
        List<RunEvent> events = List.of(
                new RunEvent.StepStarted(t(0), "s:1", "conduct", 1),
                new RunEvent.ToolStarted(t(1), "c:1", "conduct", "conduct_sessions", "{}"));

        WorkView running = WorkJournal.attempt("ops-2", events, true, t(10));
        WorkView cut = WorkJournal.attempt("ops-2", events, false, t(10));

        assertThat(running.status()).isEqualTo("running");
        assertThat(running.steps().getFirst().usage().wallMs()).isEqualTo(10_000);   // measured to now while it runs
        assertThat(cut.status()).isEqualTo("interrupted");
        assertThat(cut.steps().getFirst().usage().wallMs()).isEqualTo(1_000);        // to its last event once nothing runs it
        assertThat(cut.steps().getFirst().tools()).containsExactly(new WorkView.ToolUse("conduct_sessions", "{}", "unfinished", 0, ""));
    }

    @Test
    void an_undecided_pause_makes_the_attempt_paused_and_a_decision_lifts_it() {
        RunEvent started = new RunEvent.StepStarted(t(0), "s:1", "report", 1);
        RunEvent paused = new RunEvent.Paused(t(1), "p:1", "report", PauseKind.APPROVAL, "needs a look", Optional.empty());

        assertThat(WorkJournal.attempt("ops-1", List.of(started, paused), false, t(5)).status()).isEqualTo("paused");
        assertThat(WorkJournal.attempt("ops-1", List.of(started, paused,
                new RunEvent.Decided(t(2), "d:1", "report", PauseKind.APPROVAL, true, "r", "")), true, t(5)).status()).isEqualTo("running");
    }
}
