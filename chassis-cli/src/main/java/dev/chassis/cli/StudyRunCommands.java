package dev.chassis.cli;

import dev.chassis.core.journal.Journal;
import dev.chassis.work.WorkEngine;
import dev.chassis.core.input.Ids;
import dev.chassis.core.model.Model;
import dev.chassis.models.ModelFactory;
import dev.chassis.research.interview.StudyLedger;
import dev.chassis.research.ops.schedule.SmtpMailer;
import dev.chassis.research.ops.schedule.SmtpSettings;
import dev.chassis.research.ops.workflow.Delivery;
import dev.chassis.research.ops.workflow.RunInfo;
import dev.chassis.research.ops.workflow.RunStore;
import dev.chassis.research.ops.workflow.RunWaiting;
import dev.chassis.research.ops.workflow.StudyRun;
import dev.chassis.research.ops.workflow.StudyRuns;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;

/** What {@code demo}, {@code run} and {@code resume} share: starting or resuming a study run and printing it. */
final class StudyRunCommands {

    /** Sessions interviewed at once. */
    static final int PARALLEL = 5;
    /** Exit code of a run that stopped to wait for live sessions or a decision. */
    static final int WAITING = 3;
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

    /** Study runs under {@code runs} on {@code engines}, with synthetic participants and the invitations' delivery from the environment. */
    static StudyRuns runs(Path runs, Model model, WorkEngine.Factory engines) {
        return new StudyRuns(new RunStore(runs), model, StudyRuns.syntheticParticipants(), PARALLEL).withDelivery(delivery(System.getenv()))
                .withEngines(engines);
    }

    /** The engine a study run started on (its first attempt's start says). */
    private static WorkEngine.Factory enginesOf(Path runs, String id, EngineOptions engines) {
        try (Journal journal = new RunStore(runs).journal(id)) {
            return engines.forRun(journal, "ops-1");
        }
    }

    /** Invitations with the study's own links, emailed when an SMTP server is set in the environment ({@code CHASSIS_SMTP_*}). */
    static Delivery delivery(Map<String, String> env) {
        Delivery files = Delivery.filesOnly();
        return SmtpSettings.fromEnvironment(env).<Delivery>map(s -> files.withMailer(new SmtpMailer(s))).orElse(files);
    }

    /** Creates the run (its start journaled), says how to continue it, then runs it. */
    static int start(PrintWriter out, Path runs, StudyRuns.Request request, Model model, EngineOptions engines, Optional<Path> ledger)
            throws InterruptedException {
        RunConsole console = new RunConsole(out);
        ledger.ifPresent(l -> StudyLedger.load(l, "", "--ledger")); // a wrong folder fails before the run exists
        StudyRuns studyRuns = runs(runs, model, engines.forNewRun()).withLedger(ledger);
        RunInfo created = studyRuns.create(request);
        out.println("Output:  " + runs.resolve(created.id()).toAbsolutePath().normalize());
        out.println("         (if stopped, continue with: chassis resume " + created.id() + suffix(runs) + ")");
        out.println();
        out.flush();
        try {
            return finish(out, studyRuns.resume(created.id(), console, console));
        } catch (RunWaiting w) {
            return waiting(out, created.id(), runs, w);
        }
    }

    static int resume(PrintWriter out, Path runs, RunInfo info, EngineOptions engines) throws InterruptedException {
        RunConsole console = new RunConsole(out);
        out.println("Resuming " + info.id() + " in " + runs.resolve(info.id()).toAbsolutePath().normalize());
        out.flush();
        try {
            return finish(out, runs(runs, model(info.model()), enginesOf(runs, info.id(), engines)).resume(info.id(), console, console));
        } catch (RunWaiting w) {
            return waiting(out, info.id(), runs, w);
        }
    }

    /** A person rejects what a waiting study run waits for: it ends, rejected. */
    static int reject(PrintWriter out, Path runs, RunInfo info, String by, String note, EngineOptions engines) {
        RunInfo after = runs(runs, model(info.model()), enginesOf(runs, info.id(), engines)).reject(info.id(), by, note);
        out.println("Run " + info.id() + " is " + after.status().label() + ": " + after.detail());
        out.flush();
        return 0;
    }

    private static int waiting(PrintWriter out, String id, Path runs, RunWaiting w) {
        out.println();
        out.println("Paused, " + w.getMessage());
        out.println("When they are done: chassis resume " + id + suffix(runs));
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

    static String suffix(Path runs) {
        return runs.equals(Path.of(Locations.RUNS)) ? "" : " --out " + runs;
    }
}
