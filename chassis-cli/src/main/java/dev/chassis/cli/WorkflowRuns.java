package dev.chassis.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chassis.core.input.StructuredReader;
import dev.chassis.core.journal.Journal;
import dev.chassis.core.model.Model;
import dev.chassis.research.ops.workflow.FlowRuns;
import dev.chassis.research.ops.workflow.RunFolder;
import dev.chassis.research.ops.workflow.RunInfo;
import dev.chassis.research.ops.workflow.RunStore;
import dev.chassis.work.RunOutcome;
import dev.chassis.work.WorkEngine;
import dev.chassis.work.WorkHarness;
import dev.chassis.work.flow.Workflow;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Runs work-harness workflows from YAML for {@code run}, {@code resume}, {@code approve} and
 * {@code reject}. Each run has a folder beside study runs with its journal ({@code journal/}, which is all
 * that is kept about the run), the files its steps write ({@code files/}, the write_file tool) and
 * {@code outputs.json} when it succeeds, so a killed run resumes from its
 * last journaled step with the engine and the ledger it started with. A {@code ledger/} folder beside the
 * workflow file is the project's mistake ledger: its fixes apply to every run not given another.
 */
final class WorkflowRuns {

    static final String KIND = FlowRuns.KIND;

    private WorkflowRuns() {
    }

    /** Starts a run of {@code file}: its start is journaled (then it can be resumed by id), then it runs until it ends or pauses. */
    static int start(PrintWriter out, Path runs, Path file, String modelString, Map<String, String> inputs, EngineOptions engines,
                     Optional<Path> ledger) {
        Model model = StudyRunCommands.model(modelString);
        WorkEngine.Factory factory = engines.forNewRun(); // an engine that cannot be reached fails before a run exists
        RunStore store = new RunStore(runs);
        String name = StructuredReader.yaml().tree(file).path("name").asText("workflow");
        String id = StudyRunCommands.newId(name, Instant.now());
        Workflow workflow = builder(model, file, new WorkflowConsole(out), store.folder(id), ledger).build().load(file); // a bad file fails before a run exists
        RunFolder folder = store.create(id);
        try (Journal journal = store.journal(id);
             WorkEngine engine = factory.engine(builder(model, file, new WorkflowConsole(out), folder, ledger).journal(journal), id)) {
            engine.create(workflow, WorkHarness.inputs(inputs), id, FlowRuns.labels(file, modelString, ledger));
        }
        out.println("Workflow: " + workflow.name() + " (" + file + "), " + workflow.steps().size() + " steps");
        out.println("Run:      " + id + " in " + folder.dir().toAbsolutePath().normalize());
        out.println("          (if stopped, continue with: chassis resume " + id + StudyRunCommands.suffix(runs) + ")");
        out.println();
        out.flush();
        return with(out, store, store.find(id), engines, h -> h.resume(id));
    }

    static int resume(PrintWriter out, Path runs, RunInfo info, EngineOptions engines) {
        out.println("Resuming " + info.id() + " (" + info.input() + ")");
        out.flush();
        return with(out, new RunStore(runs), info, engines, h -> h.resume(info.id()));
    }

    static int decide(PrintWriter out, Path runs, RunInfo info, boolean approve, String by, String note, EngineOptions engines) {
        out.println((approve ? "Approving " : "Rejecting ") + info.id() + " as " + by + (note.isBlank() ? "" : ": " + note));
        out.flush();
        return with(out, new RunStore(runs), info, engines, h -> approve ? h.approve(info.id(), by, note) : h.reject(info.id(), by, note));
    }

    /** Runs the fork {@code id} of {@code original} in this process, then prints the outcome as a run's. */
    static int fork(PrintWriter out, FlowRuns runs, String original, String id, FlowRuns.ForkRequest change) {
        RunOutcome outcome = runs.fork(original, id, change, new WorkflowConsole(out));
        return finish(out, runs.store(), runs.store().folder(id), runs.store().find(id), outcome);
    }

    /** The workflow runs under {@code runs}, their engines made from the names users give. */
    static FlowRuns runs(Path runs) {
        return new FlowRuns(new RunStore(runs), StudyRunCommands::model);
    }

    /**
     * Runs {@code action} on the engine the run started on (this process, or its Temporal cluster), with the engine and
     * the ledger its start recorded.
     */
    private static int with(PrintWriter out, RunStore store, RunInfo info, EngineOptions engines, Function<WorkEngine, RunOutcome> action) {
        try (Journal journal = store.journal(info.id())) {
            // the definition the run started with is in its journal; the file on disk only supplies the tools' folder
            WorkHarness.Builder b = runs(store.root()).harness(info, new WorkflowConsole(out)).journal(journal);
            RunOutcome outcome;
            try (WorkEngine engine = engines.forRun(journal, info.id()).engine(b, info.id())) {
                outcome = action.apply(engine);
            }
            return finish(out, store, store.folder(info.id()), info, outcome);
        }
    }

    /** The harness for a new run of {@code file}: see {@link FlowRuns#harness(Model, Path, dev.chassis.core.event.EventSink, RunFolder, Optional)}. */
    private static WorkHarness.Builder builder(Model model, Path file, WorkflowConsole console, RunFolder run, Optional<Path> named) {
        return FlowRuns.harness(model, file, console, run, named);
    }

    private static int finish(PrintWriter out, RunStore store, RunFolder folder, RunInfo info, RunOutcome o) {
        out.println();
        out.printf(Locale.ROOT, "%d model calls, %d tool calls, %d tokens, $%.4f, %.1f s%n", o.usage().modelCalls(), o.usage().toolCalls(),
                o.usage().tokens(), o.usage().cost(), o.usage().time().toMillis() / 1000.0);
        String runs = StudyRunCommands.suffix(store.root());
        switch (o.status()) {
            case SUCCEEDED -> {
                Path outputs = folder.writeJson("outputs.json", o.outputs());
                o.outputs().forEach((step, value) -> out.println("  " + step + ": " + oneLine(value)));
                out.println("Outputs:  " + outputs.toAbsolutePath().normalize());
                out.flush();
                return 0;
            }
            case PAUSED -> {
                RunOutcome.Pause p = o.pending().orElseThrow();
                out.println("Paused:   step " + p.step() + " waits for " + p.kind().label() + ": " + p.reason());
                p.asks().ifPresent(asks -> PendingView.print(out, p.kind(), asks));
                out.println("          chassis approve " + info.id() + runs + " --note \"...\"   or   chassis reject " + info.id() + runs);
                out.flush();
                return StudyRunCommands.WAITING;
            }
            case FAILED -> {
                out.println("Failed:   " + o.reason());
                out.flush();
                return CliErrors.FAILED;
            }
            case RUNNING -> throw new IllegalStateException("a run ends, fails or pauses; it does not return running");
        }
        return CliErrors.FAILED;
    }

    private static String oneLine(JsonNode value) {
        String s = value.toString();
        return s.length() > 160 ? s.substring(0, 157) + "..." : s;
    }
}
