package dev.chassis.research.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chassis.core.event.EventSink;
import dev.chassis.core.input.InvalidInputException;
import dev.chassis.core.journal.FileJournal;
import dev.chassis.core.journal.Journal;
import dev.chassis.core.journal.JournalEntry;
import dev.chassis.core.model.Model;
import dev.chassis.models.offline.OfflineModel;
import dev.chassis.models.offline.Pacing;
import dev.chassis.research.fixture.Fixtures;
import dev.chassis.research.ops.workflow.FlowRuns;
import dev.chassis.research.ops.workflow.RunStore;
import dev.chassis.testkit.ledger.LedgerFixtures;
import dev.chassis.work.RunOutcome;
import dev.chassis.work.WorkHarness;
import dev.chassis.work.journal.RunEvent;
import dev.chassis.work.journal.RunStatus;
import dev.chassis.work.journal.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A workflow run's fork and a run given a ledger, killed and resumed by a new process (a new {@link FlowRuns} that
 * is told nothing): the fork runs on the engine it was given, and the run keeps the ledger named at its start.
 */
class FlowRunsTest {

    /** Offline engines under the names users give, so the journal says which one each model call went to. */
    private static final Function<String, Model> MODELS = name -> OfflineModel.builder().name(name).pacing(Pacing.INSTANT).build();

    @TempDir
    Path dir;
    private Path file;
    private RunStore store;

    @BeforeEach
    void workflow() throws IOException {
        Path from = Fixtures.repo().resolve("examples/workflows/recruit-brief");
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = dir.resolve("wf").resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
        file = dir.resolve("wf/workflow.yaml");
        store = new RunStore(dir.resolve("runs"));
    }

    @Test
    void a_killed_fork_resumes_on_the_model_it_was_given() {
        FlowRuns runs = new FlowRuns(store, MODELS);
        assertThat(start("r", Optional.empty(), true).status()).isEqualTo(RunStatus.PAUSED);   // the invitation waits for approval
        String fork = runs.prepareFork("r", "screen");
        assertThat(fork).isEqualTo("r-fork-1");
        RunOutcome forked = runs.fork("r", fork, new FlowRuns.ForkRequest("screen", Optional.of("other-engine"), Optional.empty(),
                Optional.empty()), EventSink.NONE);
        assertThat(forked.status()).isEqualTo(RunStatus.PAUSED);
        assertThat(models(fork, "screen")).containsOnly("other-engine");

        killAfter(fork, "screen");   // the process died once screen had ended: invite never ran in the fork
        assertThat(models(fork, "invite")).isEmpty();
        FlowRuns restarted = new FlowRuns(store, MODELS);
        assertThat(store.find(fork).model()).isEqualTo("other-engine");
        try (Journal j = store.journal(fork)) {
            RunOutcome resumed = restarted.harness(store.find(fork), EventSink.NONE).journal(j).build().resume(fork);
            assertThat(resumed.status()).isEqualTo(RunStatus.PAUSED);
        }
        assertThat(models(fork, "invite")).isNotEmpty().containsOnly("other-engine");
        assertThat(models("r", "invite")).containsOnly("offline");
    }

    @Test
    void a_run_given_a_ledger_keeps_it_when_resumed_without_it() throws IOException {
        Path ledger = Files.createDirectories(dir.resolve("ledger"));
        Files.writeString(ledger.resolve("no-durations.yaml"), LedgerFixtures.noDurationsIncident());
        start("plain", Optional.empty(), false);
        start("guarded", Optional.of(ledger), false);   // created, then killed before its first step
        FlowRuns restarted = new FlowRuns(store, MODELS);
        assertThat(resume(restarted, "plain").status()).isEqualTo(RunStatus.PAUSED);
        RunOutcome guarded = resume(restarted, "guarded");
        assertThat(guarded.status()).isNotEqualTo(RunStatus.PAUSED);
        assertThat(gateVerdicts("guarded", "invite")).contains(Verdict.FAIL);
        assertThat(gateVerdicts("plain", "invite")).doesNotContain(Verdict.FAIL);

        Files.delete(ledger.resolve("no-durations.yaml"));
        Files.delete(ledger);
        assertThatThrownBy(() -> restarted.harness(store.find("guarded"), EventSink.NONE)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("no ledger folder " + ledger);   // never a run without the fixes it was given
    }

    @Test
    void a_fork_from_a_step_the_run_does_not_have_is_refused_before_anything_is_written() {
        start("r", Optional.empty(), true);
        assertThatThrownBy(() -> new FlowRuns(store, MODELS).prepareFork("r", "nope")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("run r has no step 'nope'; its steps: rules, screen, invite");
        assertThat(store.read("r-fork-1")).isEmpty();
        assertThat(dir.resolve("runs/r-fork-1")).doesNotExist();
    }

    @Test
    void a_fork_that_never_started_leaves_its_number_to_the_next_one() throws IOException {
        start("r", Optional.empty(), true);
        FlowRuns runs = new FlowRuns(store, MODELS);
        assertThat(runs.prepareFork("r", "invite")).isEqualTo("r-fork-1");   // and the process dies before the fork starts
        String again = runs.prepareFork("r", "invite");
        assertThat(again).isEqualTo("r-fork-1");
        runs.fork("r", again, new FlowRuns.ForkRequest("invite", Optional.empty(), Optional.empty(), Optional.empty()), EventSink.NONE);
        assertThat(store.find("r-fork-1").kind()).isEqualTo(FlowRuns.KIND);
        assertThat(runs.prepareFork("r", "invite")).isEqualTo("r-fork-2");
    }

    private RunOutcome start(String id, Optional<Path> ledger, boolean run) {
        try (Journal j = store.journal(store.create(id).dir().getFileName().toString())) {
            WorkHarness h = FlowRuns.harness(MODELS.apply("offline"), file, EventSink.NONE, store.folder(id), ledger).journal(j).build();
            if (!run) {
                h.create(h.load(file), WorkHarness.inputs(Map.of()), id, FlowRuns.labels(file, "offline", ledger));
                return null;
            }
            return h.start(h.load(file), WorkHarness.inputs(Map.of()), id, FlowRuns.labels(file, "offline", ledger));
        }
    }

    private RunOutcome resume(FlowRuns runs, String id) {
        try (Journal j = store.journal(id)) {
            return runs.harness(store.find(id), EventSink.NONE).journal(j).build().resume(id);
        }
    }

    /** Cuts run {@code id}'s journal right after {@code step} ended, as a crash there would have left it. */
    private void killAfter(String id, String step) {
        Path folder = dir.resolve("runs").resolve(id).resolve("journal");
        List<JournalEntry> entries;
        try (Journal j = new FileJournal(folder)) {
            entries = j.read(id);
        }
        int end = 0;
        while (!(RunEvent.CODEC.decode(entries.get(end)) instanceof RunEvent.StepEnded e && e.step().equals(step))) {
            end++;
        }
        try {
            Files.delete(folder.resolve(id + ".jsonl"));
        } catch (IOException x) {
            throw new IllegalStateException(x);
        }
        try (Journal j = new FileJournal(folder)) {
            j.append(id, entries.subList(0, end + 1));
        }
    }

    private List<String> models(String id, String step) {
        return events(id).stream().filter(e -> e instanceof RunEvent.ModelCalled m && m.step().equals(step))
                .map(e -> ((RunEvent.ModelCalled) e).model()).toList();
    }

    private List<Verdict> gateVerdicts(String id, String step) {
        return events(id).stream().filter(e -> e instanceof RunEvent.GateChecked g && g.step().equals(step))
                .map(e -> ((RunEvent.GateChecked) e).verdict()).toList();
    }

    private List<RunEvent> events(String id) {
        try (Journal j = store.journal(id)) {
            return RunEvent.CODEC.decodeAll(j.read(id));
        }
    }
}
