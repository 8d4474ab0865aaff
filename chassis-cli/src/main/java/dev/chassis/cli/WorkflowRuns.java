package dev.chassis.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chassis.core.model.Model;
import dev.chassis.research.ops.workflow.RunFolder;
import dev.chassis.research.ops.workflow.RunRecord;
import dev.chassis.research.ops.workflow.RunStore;
import dev.chassis.store.JdbcJournal;
import dev.chassis.work.RunOutcome;
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
 * {@code reject}. Each run has a folder beside study runs ({@code run.json}, {@code outputs.json}) and
 * its own durable H2 journal there, so a killed run resumes from its last journaled step. A {@code ledger/}
 * folder beside the workflow file is the project's mistake ledger: its fixes apply to every run.
 */
final class WorkflowRuns {

    static final String KIND = "workflow";

    private WorkflowRuns() {
    }

    /** Starts a run of {@code file} and runs it until it ends or pauses. */
    static int start(PrintWriter out, Path runs, Path file, String modelString, Map<String, String> inputs) {
        Model model = StudyRunCommands.model(modelString);
        Workflow workflow = builder(model, file, new WorkflowConsole(out)).build().load(file); // a bad file fails before a run exists
        String id = StudyRunCommands.newId(workflow.name(), Instant.now());
        RunStore store = new RunStore(runs);
        RunRecord record = new RunRecord(id, KIND, file.toAbsolutePath().normalize().toString(), modelString, 0, Instant.now(), "running", "",
                Optional.empty());
        RunFolder folder = store.create(record);
        out.println("Workflow: " + workflow.name() + " (" + file + "), " + workflow.steps().size() + " steps");
        out.println("Run:      " + id + " in " + folder.dir().toAbsolutePath().normalize());
        out.println("          (if stopped, continue with: chassis resume " + id + suffix(runs) + ")");
        out.println();
        out.flush();
        return with(out, store, record, h -> h.start(workflow, WorkHarness.inputs(inputs), id));
    }

    static int resume(PrintWriter out, Path runs, RunRecord record) {
        out.println("Resuming " + record.id() + " (" + record.input() + ")");
        out.flush();
        return with(out, new RunStore(runs), record, h -> h.resume(record.id()));
    }

    static int decide(PrintWriter out, Path runs, RunRecord record, boolean approve, String by, String note) {
        out.println((approve ? "Approving " : "Rejecting ") + record.id() + " as " + by + (note.isBlank() ? "" : ": " + note));
        out.flush();
        return with(out, new RunStore(runs), record, h -> approve ? h.approve(record.id(), by, note) : h.reject(record.id(), by, note));
    }

    private static int with(PrintWriter out, RunStore store, RunRecord record, Function<WorkHarness, RunOutcome> action) {
        Path file = Path.of(record.input());
        Model model = StudyRunCommands.model(record.model());
        RunFolder folder = store.folder(record.id());
        try (JdbcJournal journal = JdbcJournal.h2(folder.dir().resolve("journal"))) {
            WorkHarness.Builder b = builder(model, file, new WorkflowConsole(out)).journal(journal.runJournal());
            Workflow workflow = b.build().load(file);
            RunOutcome outcome = action.apply(b.workflow(workflow).build());
            return finish(out, store, folder, record, outcome);
        }
    }

    private static WorkHarness.Builder builder(Model model, Path file, WorkflowConsole console) {
        Path dir = file.toAbsolutePath().normalize().getParent();
        WorkHarness.Builder b = WorkHarness.builder().model(model).workdir(dir).events(console);
        Path ledger = dir.resolve("ledger"); // the project's mistake ledger, beside its workflow
        return java.nio.file.Files.isDirectory(ledger) ? b.ledger(dev.chassis.core.ledger.Ledger.load(ledger)) : b;
    }

    private static int finish(PrintWriter out, RunStore store, RunFolder folder, RunRecord record, RunOutcome o) {
        out.println();
        out.printf(Locale.ROOT, "%d model calls, %d tool calls, %d tokens, $%.4f, %.1f s%n", o.usage().modelCalls(), o.usage().toolCalls(),
                o.usage().tokens(), o.usage().cost(), o.usage().time().toMillis() / 1000.0);
        String runs = suffix(store.root());
        switch (o.status()) {
            case SUCCEEDED -> {
                Path outputs = folder.writeJson("outputs.json", o.outputs());
                store.save(folder, record.with("done", outputs.toAbsolutePath().normalize().toString()));
                o.outputs().forEach((step, value) -> out.println("  " + step + ": " + oneLine(value)));
                out.println("Outputs:  " + outputs.toAbsolutePath().normalize());
                out.flush();
                return 0;
            }
            case PAUSED -> {
                RunOutcome.Pause p = o.pending().orElseThrow();
                store.save(folder, record.with("waiting", "step " + p.step() + " waits for " + p.kind() + ": " + p.reason()));
                out.println("Paused:   step " + p.step() + " waits for " + p.kind() + ": " + p.reason());
                out.println("          chassis approve " + record.id() + runs + " --note \"...\"   or   chassis reject " + record.id() + runs);
                out.flush();
                return StudyRunCommands.WAITING;
            }
            default -> {
                store.save(folder, record.with("failed", o.reason()));
                out.println("Failed:   " + o.reason());
                out.flush();
                return CliErrors.FAILED;
            }
        }
    }

    private static String oneLine(JsonNode value) {
        String s = value.toString();
        return s.length() > 160 ? s.substring(0, 157) + "..." : s;
    }

    private static String suffix(Path runs) {
        return runs.equals(Path.of(Locations.RUNS)) ? "" : " --out " + runs;
    }
}
