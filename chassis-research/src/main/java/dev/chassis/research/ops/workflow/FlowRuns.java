package dev.chassis.research.ops.workflow;

import dev.chassis.core.event.EventSink;
import dev.chassis.core.input.InvalidInputException;
import dev.chassis.core.journal.InMemoryJournal;
import dev.chassis.core.journal.Journal;
import dev.chassis.core.ledger.Fix;
import dev.chassis.core.ledger.Ledger;
import dev.chassis.core.model.Model;
import dev.chassis.work.Fork;
import dev.chassis.work.RunDiff;
import dev.chassis.work.RunOutcome;
import dev.chassis.work.WorkHarness;
import dev.chassis.work.flow.EventKeys;
import dev.chassis.work.flow.StepDef;
import dev.chassis.work.journal.RunEvent;
import dev.chassis.work.journal.RunRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Runs of workflow files in a {@link RunStore}, the same for the CLI and the server: the harness a run
 * gets (its file's folder is the project, the run folder's {@code files/} where it writes, its ledger), and
 * forks and diffs. What a run was started with (its engine as given, the ledger named for it) is in its
 * journal's labels, so a resumed run, or a resumed fork, runs on them again. Immutable and thread-safe.
 */
public final class FlowRuns {

    /** What a workflow run's start records as its kind. */
    public static final String KIND = "workflow";
    /** The label holding the ledger folder named for a run (absolute). */
    static final String LEDGER = "ledger";

    /**
     * What a fork changes; empty parts keep the original's.
     *
     * @param from        the step the fork re-runs from; the steps before it are reused
     * @param model       another engine, as given ({@code offline}, {@code openai:gpt-4.1-mini})
     * @param instruction the new instruction of the {@code from} step
     * @param ledger      a ledger folder whose work fixes the fork adds
     */
    public record ForkRequest(String from, Optional<String> model, Optional<String> instruction, Optional<Path> ledger) {
        public ForkRequest {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(instruction, "instruction");
            Objects.requireNonNull(ledger, "ledger");
        }
    }

    private final RunStore store;
    private final Function<String, Model> models;

    /** @param models an engine from its name as a user gives it */
    public FlowRuns(RunStore store, Function<String, Model> models) {
        this.store = Objects.requireNonNull(store, "store");
        this.models = Objects.requireNonNull(models, "models");
    }

    public RunStore store() {
        return store;
    }

    /** The labels a workflow run's start records: its kind, its file, its engine as given and the ledger named for it. */
    public static Map<String, String> labels(Path file, String model, Optional<Path> ledger) {
        Map<String, String> labels = new LinkedHashMap<>(RunStore.labels(KIND, file, model, 0, Optional.empty()));
        ledger.ifPresent(d -> labels.put(LEDGER, d.toAbsolutePath().normalize().toString()));
        return labels;
    }

    /**
     * The harness for a run of {@code file}: its folder is the project (read_file, instructions), {@code run}'s
     * files/ is where it writes; its ledger is the one named, else the project's, a {@code ledger/} folder beside the file.
     *
     * @throws InvalidInputException when the named ledger folder does not exist (never a run without the fixes asked for)
     */
    public static WorkHarness.Builder harness(Model model, Path file, EventSink events, RunFolder run, Optional<Path> ledger) {
        Path dir = file.toAbsolutePath().normalize().getParent();
        WorkHarness.Builder b = WorkHarness.builder().model(model).workdir(dir).events(events).files(run.dir().resolve("files"));
        if (ledger.isPresent()) {
            return b.ledger(named(ledger.get()));
        }
        Path project = dir.resolve("ledger");
        return Files.isDirectory(project) ? b.ledger(Ledger.load(project)) : b;
    }

    /** The harness for run {@code info} as its start recorded it: its engine and the ledger named for it (no journal set). */
    public WorkHarness.Builder harness(RunInfo info, EventSink events) {
        Optional<Path> ledger = Optional.ofNullable(store.labels(info.id()).get(LEDGER)).map(Path::of);
        return harness(models.apply(info.model()), Path.of(info.input()), events, store.folder(info.id()), ledger);
    }

    /**
     * Makes the folder of a new fork of {@code run} ({@code <run>-fork-<n>}), with the original's journal and earlier
     * forks' copied in (the engine numbers a fork after the ones its journal holds), and checks the step first.
     *
     * @return the fork's id
     * @throws InvalidInputException when {@code run} is not a workflow run or has no such step
     */
    public String prepareFork(String run, String from) {
        RunInfo info = store.find(run);
        if (!info.kind().equals(KIND)) {
            throw new InvalidInputException("", 0, "<run>", "run " + run + " is a study run; forks are of workflow runs "
                    + "(to try a change on an interview, fork the session: chassis fork-session)");
        }
        List<String> steps = steps(info);
        if (!steps.contains(from)) {
            throw new InvalidInputException("", 0, "--from", "run " + run + " has no step '" + from + "'; its steps: " + String.join(", ", steps));
        }
        String id = freeId(run);
        if (!Files.isDirectory(store.root().resolve(id))) {
            store.create(id);
        }
        try (Journal original = store.journal(run); Journal journal = store.journal(id)) {
            copy(original, journal);
            for (int n = 1; !(run + "-fork-" + n).equals(id); n++) {
                try (Journal earlier = store.journal(run + "-fork-" + n)) {
                    copy(earlier, journal);
                }
            }
        }
        return id;
    }

    /** The work fixes of the ledger a fork names (an error naming the folder when there is none). */
    public static List<Fix> fixes(Optional<Path> ledger) {
        return ledger.map(d -> named(d).fixes("work")).orElse(List.of());
    }

    /** A ledger folder someone named: a missing one is an error, since a typo would otherwise run without the fixes asked for. */
    private static Ledger named(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new InvalidInputException("", 0, "--ledger", "no ledger folder " + folder + "; name a folder of incident files "
                    + "(chassis guard add writes one)");
        }
        return Ledger.load(folder);
    }

    /**
     * Runs fork {@code id} (made by {@link #prepareFork}) of {@code run} in this process until it ends or pauses. Its start
     * records the engine it was given, so resuming it later runs on that engine again.
     */
    public RunOutcome fork(String run, String id, ForkRequest change, EventSink events) {
        RunInfo original = store.find(run);
        Map<String, String> instructions = change.instruction().map(text -> Map.of(change.from(), text)).orElse(Map.of());
        Fork fork = new Fork(change.model().map(models), instructions, fixes(change.ledger()))
                .withLabels(change.model().map(m -> Map.of("model", m)).orElse(Map.of()));
        // the harness is closed with the fork: the MCP servers its run started stop before the command returns
        try (Journal journal = store.journal(id);
                WorkHarness h = harness(original, events).files(store.folder(id).dir().resolve("files")).journal(journal).build()) {
            return h.fork(run, change.from(), fork);
        }
    }

    /**
     * How two workflow runs differ, step by step.
     *
     * @throws InvalidInputException when either is not a workflow run
     */
    public RunDiff diff(String a, String b) {
        store.find(a);
        store.find(b);
        InMemoryJournal both = new InMemoryJournal();
        try (Journal ja = store.journal(a); Journal jb = store.journal(b)) {
            both.append(a, ja.read(a));
            both.append(b, jb.read(b));
        }
        if (both.read(a).isEmpty() || both.read(b).isEmpty()) {
            throw new InvalidInputException("", 0, "<run>", "both runs must be workflow runs ('chassis runs' lists them)");
        }
        try (WorkHarness h = WorkHarness.builder().model(models.apply("offline")).journal(both).build()) {
            return h.diff(a, b);
        }
    }

    /** The ids of a workflow run's steps, in the order they run. */
    public List<String> steps(RunInfo info) {
        try (Journal journal = store.journal(info.id())) {
            RunEvent.Started started = RunRecord.load(info.id(), journal).get(EventKeys.started(), RunEvent.Started.class).orElseThrow();
            try (WorkHarness h = harness(info, EventSink.NONE).journal(new InMemoryJournal()).build()) {
                return h.context(started).workflow().topologicalOrder().stream().map(StepDef::id).toList();
            }
        }
    }

    /**
     * The first fork number without a started fork: the engine numbers a fork after the ones that started, so a folder
     * left by a fork that never started (its process died first) is taken again rather than skipped.
     */
    private String freeId(String run) {
        for (int n = 1; ; n++) {
            String id = run + "-fork-" + n;
            if (store.read(id).isEmpty()) {
                return id;
            }
        }
    }

    private static void copy(Journal from, Journal to) {
        for (String stream : from.streams()) {
            if (to.read(stream).isEmpty()) {
                to.append(stream, from.read(stream));
            }
        }
    }
}
