package dev.chassis.server.ops;

import dev.chassis.core.event.EventSink;
import dev.chassis.core.input.Ids;
import dev.chassis.core.input.InvalidInputException;
import dev.chassis.core.input.StructuredReader;
import dev.chassis.core.journal.Journal;
import dev.chassis.core.model.Model;
import dev.chassis.core.model.ModelException;
import dev.chassis.research.ops.workflow.FlowRuns;
import dev.chassis.research.ops.workflow.RunInfo;
import dev.chassis.research.ops.workflow.RunStore;
import dev.chassis.server.http.ApiException;
import dev.chassis.server.study.SessionIds;
import dev.chassis.work.RunDiff;
import dev.chassis.work.RunOutcome;
import dev.chassis.work.WorkEngine;
import dev.chassis.work.WorkHarness;
import dev.chassis.work.flow.Workflow;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Runs of workflow files on the server, beside study runs in the same runs folder: started, resumed,
 * decided, forked and compared as the CLI does ({@link FlowRuns}), each with the server's ledger. The
 * methods here run in the calling thread; {@link Runs} puts the long ones on threads of their own.
 * Immutable and thread-safe.
 */
final class WorkflowRuns {

    private static final DateTimeFormatter ID = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final FlowRuns runs;
    private final Function<String, Model> models;
    private final WorkEngine.Factory engines;
    private final EventSink events;
    private final Path ledger;

    /**
     * @param models an engine by the name a researcher gives (the server's own for its name)
     * @param ledger the server's ledger folder: its work fixes apply to every workflow run started here
     */
    WorkflowRuns(RunStore store, Function<String, Model> models, WorkEngine.Factory engines, EventSink events, Path ledger) {
        this.models = name -> {
            try {
                return models.apply(name);
            } catch (ModelException e) {
                throw ApiException.badRequest("model '" + Ids.printable(name) + "' cannot be used: " + e.getMessage());
            }
        };
        this.runs = new FlowRuns(store, this.models);
        this.engines = engines;
        this.events = events;
        this.ledger = ledger;
    }

    /** Whether {@code file}'s YAML is a workflow (it has steps and is not a study). */
    static boolean isWorkflow(Path file) {
        var tree = StructuredReader.yaml().tree(file);
        return tree.has("steps") && !tree.has("study");
    }

    boolean owns(RunInfo info) {
        return info.kind().equals(FlowRuns.KIND);
    }

    /**
     * Journals the start of a run of {@code file} (a bad file fails first, with its line), without running it.
     *
     * @throws InvalidInputException when the workflow file is not valid
     */
    RunInfo create(Path file, String model, Map<String, String> inputs, Instant now) {
        Model engine = models.apply(model);
        var tree = StructuredReader.yaml().tree(file);
        String id = Ids.slug(tree.path("name").asText("workflow"), Ids.MAX_LENGTH - 21, "run") + "-" + ID.format(now) + "-"
                + SessionIds.newId().substring(2, 6);
        RunStore store = runs.store();
        Workflow workflow = FlowRuns.harness(engine, file, events, store.folder(id), Optional.of(ledger)).build().load(file);
        store.create(id);
        try (Journal journal = store.journal(id);
             WorkEngine e = engines.engine(FlowRuns.harness(engine, file, events, store.folder(id), Optional.of(ledger)).journal(journal), id)) {
            e.create(workflow, WorkHarness.inputs(inputs), id, FlowRuns.labels(file, model, Optional.of(ledger)));
        }
        return store.find(id);
    }

    /** Continues the run until it ends or pauses, with the engine and the ledger its start recorded. */
    RunOutcome resume(String id) {
        return on(id, e -> e.resume(id));
    }

    /** A person's decision on what the run waits for; the run then goes on until it ends or pauses again. */
    RunOutcome decide(String id, boolean approve, String note) {
        return on(id, e -> approve ? e.approve(id, "the researcher", note) : e.reject(id, "the researcher", note));
    }

    /** Makes a fork's folder (checking the run and the step first) and says its id; {@link #fork} runs it. */
    String prepareFork(String run, FlowRuns.ForkRequest change) {
        change.model().ifPresent(models::apply);   // an engine that cannot be made fails before the fork exists
        FlowRuns.fixes(change.ledger());
        return runs.prepareFork(run, change.from());
    }

    RunOutcome fork(String run, String id, FlowRuns.ForkRequest change) {
        return runs.fork(run, id, change, events);
    }

    RunDiff diff(String a, String b) {
        return runs.diff(a, b);
    }

    /** The server's ledger folder, which a fork may add to a run started before its incidents were. */
    Path ledger() {
        return ledger;
    }

    private RunOutcome on(String id, Function<WorkEngine, RunOutcome> action) {
        RunStore store = runs.store();
        RunInfo info = store.find(id);
        try (Journal journal = store.journal(id);
             WorkEngine e = engines.engine(runs.harness(info, events).journal(journal), id)) {
            return action.apply(e);
        }
    }
}
