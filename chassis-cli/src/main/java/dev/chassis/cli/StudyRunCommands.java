package dev.chassis.cli;

import dev.chassis.core.input.Ids;
import dev.chassis.core.model.Model;
import dev.chassis.models.ModelFactory;
import dev.chassis.research.ops.workflow.RunRecord;
import dev.chassis.research.ops.workflow.RunStore;
import dev.chassis.research.ops.workflow.RunWaiting;
import dev.chassis.research.ops.workflow.StudyRun;
import dev.chassis.research.ops.workflow.StudyRuns;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/** What {@code demo}, {@code run} and {@code resume} share: starting or resuming a study run and printing it. */
final class StudyRunCommands {

    /** Sessions interviewed at once. */
    static final int PARALLEL = 5;
    private static final DateTimeFormatter ID = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private StudyRunCommands() {
    }

    /** The engine named by a model string; keys come from the environment. */
    static Model model(String modelString) {
        return ModelFactory.fromEnvironment().create(modelString);
    }

    /** A run id: {@code prefix} made an id (a workflow's name may be any text) and the time; 16 characters follow the prefix. */
    static String newId(String prefix, Instant now) {
        return Ids.slug(prefix, Ids.MAX_LENGTH - 16, "run") + "-" + ID.format(now);
    }

    static RunRecord record(String id, Path study, String modelString, long seed, Instant started, Optional<String> live) {
        return new RunRecord(id, "study", study.toAbsolutePath().normalize().toString(), modelString, seed, started, "running", "", live);
    }

    static int start(PrintWriter out, Path runs, RunRecord record, Model model) throws InterruptedException {
        RunConsole console = new RunConsole(out);
        out.println("Output:  " + runs.resolve(record.id()).toAbsolutePath().normalize());
        out.println("         (if stopped, continue with: chassis resume " + record.id() + (runs.equals(Path.of(Locations.RUNS)) ? "" : " --out " + runs) + ")");
        out.println();
        out.flush();
        try {
            StudyRun.Outcome o = new StudyRuns(new RunStore(runs), model, StudyRuns.syntheticParticipants(), PARALLEL).start(record, console, console);
            return finish(out, o);
        } catch (RunWaiting w) {
            return waiting(out, record.id(), runs, w);
        }
    }

    static int resume(PrintWriter out, Path runs, String id) throws InterruptedException {
        RunConsole console = new RunConsole(out);
        out.println("Resuming " + id + " in " + runs.resolve(id).toAbsolutePath().normalize());
        out.flush();
        RunStore store = new RunStore(runs);
        Model model = model(store.find(id).model());
        try {
            StudyRun.Outcome o = new StudyRuns(store, model, StudyRuns.syntheticParticipants(), PARALLEL).resume(id, console, console);
            return finish(out, o);
        } catch (RunWaiting w) {
            return waiting(out, id, runs, w);
        }
    }

    /** Exit code of a run that stopped to wait for live sessions. */
    static final int WAITING = 3;

    private static int waiting(PrintWriter out, String id, Path runs, RunWaiting w) {
        out.println();
        out.println("Paused, " + w.getMessage());
        out.println("When they are done: chassis resume " + id + (runs.equals(Path.of(Locations.RUNS)) ? "" : " --out " + runs));
        out.flush();
        return WAITING;
    }

    private static int finish(PrintWriter out, StudyRun.Outcome o) {
        out.println();
        out.println("Report:  " + o.report().html().toAbsolutePath().normalize());
        out.println("         " + o.report().markdown().toAbsolutePath().normalize());
        out.flush();
        return 0;
    }
}
