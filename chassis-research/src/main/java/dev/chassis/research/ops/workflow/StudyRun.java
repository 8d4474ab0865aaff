package dev.chassis.research.ops.workflow;

import dev.chassis.research.ops.conduct.SessionEvents;
import dev.chassis.research.ops.conduct.SessionPending;
import dev.chassis.research.ops.quality.QualityFlag;
import dev.chassis.research.ops.recruit.Screening;
import dev.chassis.research.ops.schedule.Schedule;
import dev.chassis.research.ops.schedule.ScheduledSession;
import dev.chassis.research.report.ReportWriter;
import dev.chassis.research.synthesis.Synthesis;
import dev.chassis.research.transcript.Transcript;
import java.nio.file.Files;
import java.util.ArrayList;
import dev.chassis.core.journal.FileJournal;
import dev.chassis.models.offline.OfflineModel;
import dev.chassis.models.offline.Pacing;
import dev.chassis.work.RunOutcome;
import dev.chassis.work.WorkHarness;
import dev.chassis.work.flow.Condition;
import dev.chassis.work.flow.OfflinePlan;
import dev.chassis.work.flow.StepBudget;
import dev.chassis.work.flow.Workflow;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the research-operations steps in order over one run folder. Because every step is idempotent
 * (recruiting and scheduling are deterministic, invites come out identical, a session with a saved
 * transcript is not run again), resuming a killed run is running it again over the same folder: nothing
 * is lost and no session happens twice. Sessions run concurrently on virtual threads, at most
 * {@code parallel} at once; {@code live} names the session whose events are streamed.
 *
 * <p>Live sessions that have not taken place yet ({@link SessionPending}) do not fail the run: the others are
 * conducted and saved, and the run stops with {@link RunWaiting} until it is resumed.
 *
 * <p>The steps run as a work-harness workflow ({@link #WORKFLOW}) journaled in the run folder: a run
 * killed mid-way resumes from its journal without redoing finished steps (the invites, a side effect,
 * are never sent twice). Conducting owns its threads and cancels the remaining sessions if one fails.
 */
public final class StudyRun {

    private final ResearchSteps steps;
    private final RunProgress progress;
    private final int parallel;

    public StudyRun(ResearchSteps steps, RunProgress progress, int parallel) {
        if (parallel < 1) {
            throw new IllegalArgumentException("parallel must be 1 or more, was " + parallel);
        }
        this.steps = steps;
        this.progress = progress;
        this.parallel = parallel;
    }

    /** What a finished run produced. */
    public record Outcome(Screening screening, Schedule schedule, List<Transcript> transcripts, Synthesis synthesis,
                          List<QualityFlag> flags, ReportWriter.Written report) {
    }

    /**
     * Runs (or resumes) the study.
     *
     * @param live   the session to stream, if any
     * @param events where the live session's events go
     * @param context lines for the report's header
     */
    public Outcome run(Optional<String> live, SessionEvents events, List<String> context) throws InterruptedException {
        OpsTools tools = new OpsTools(steps, progress, sessions -> conductAll(sessions, live, events), context);
        FileJournal journal = new FileJournal(steps.folder().dir().resolve("journal"));
        WorkHarness harness = WorkHarness.builder().model(OfflineModel.builder().pacing(Pacing.INSTANT).build()).tools(tools.all())
                .journal(journal).workdir(steps.folder().dir()).workflow(WORKFLOW).build();
        RunOutcome o = continueOrStart(harness, journal);
        if (o.status() == RunOutcome.Status.FAILED) {
            Exception cause = tools.failure().orElse(null);
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("research operations failed: " + o.reason(), cause);
        }
        int pending = Optional.ofNullable(o.outputs().get("conduct")).map(n -> n.path("result").path("pending").asInt()).orElse(0);
        if (pending > 0) {
            throw new RunWaiting(tools.pending(), tools.waitingFor().isEmpty() ? "waiting for " + pending + " sessions to take place" : tools.waitingFor());
        }
        return new Outcome(tools.screening(), tools.booked(), tools.transcripts(), tools.synthesis(), tools.flags(), tools.report());
    }

    /**
     * The research-operations workflow on the work harness: each step calls its tool and passes on the
     * tool's summary; the steps after {@code conduct} wait until no session is pending.
     */
    static final Workflow WORKFLOW = workflow();

    private static Workflow workflow() {
        Condition nonePending = new Condition("conduct", "/result/pending", "equals", "0");
        return Workflow.builder("research-operations")
                .description("Recruit, schedule, invite, conduct, synthesise, check quality and report.")
                .then("recruit", s -> toolStep(s, "recruit", "Screen the participant pool."))
                .then("schedule", s -> toolStep(s, "schedule", "Book the selected participants' sessions."))
                .then("invite", s -> toolStep(s, "send_invites", "Send the calendar invites."))
                .then("conduct", s -> toolStep(s, "conduct_sessions", "Conduct the sessions."))
                .then("synthesise", s -> toolStep(s, "synthesise", "Synthesise the sessions.").when(nonePending))
                .then("quality", s -> toolStep(s, "check_quality", "Check the sessions' quality.").needs("synthesise", "conduct").when(nonePending))
                .then("report", s -> toolStep(s, "write_report", "Write the report.").needs("quality", "conduct").when(nonePending))
                .build();
    }

    private static Workflow.StepSpec toolStep(Workflow.StepSpec s, String tool, String instruction) {
        return s.instruction(instruction).tools(tool).outputSchema(RESULT).budget(StepBudget.DEFAULT.withAttempts(1))
                .offline(new OfflinePlan.Calls(List.of(new OfflinePlan.PlannedCall(tool, "{}")), "{\"result\": \"${call.0}\"}"));
    }

    private static final String RESULT = "{\"type\": \"object\", \"required\": [\"result\"], \"properties\": {\"result\": {\"type\": \"object\"}}}";

    /**
     * Resumes the last attempt when it was cut off (killed, crashed); otherwise starts a new attempt.
     * Steps are idempotent over the folder, so a new attempt after a wait redoes nothing that matters:
     * saved sessions are not run again and invites come out identical.
     */
    private static RunOutcome continueOrStart(WorkHarness harness, FileJournal journal) {
        List<String> attempts = journal.runs().stream().filter(id -> id.matches("ops-\\d+"))
                .sorted(java.util.Comparator.comparingInt(id -> Integer.parseInt(id.substring(4)))).toList();
        if (!attempts.isEmpty() && harness.summary(attempts.getLast()).status().equals("running")) {
            return harness.resume(attempts.getLast());
        }
        return harness.start(WORKFLOW, WorkHarness.inputs(java.util.Map.of()), "ops-" + (attempts.size() + 1));
    }

    private OpsTools.Conducted conductAll(List<ScheduledSession> sessions, Optional<String> live, SessionEvents events) throws InterruptedException {
        AtomicInteger done = new AtomicInteger();
        Semaphore slots = new Semaphore(parallel);
        List<Future<Transcript>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (ScheduledSession s : sessions) {
                boolean resumed = Files.isRegularFile(steps.folder().transcript(s.id()));
                SessionEvents forThis = live.filter(s.id()::equals).isPresent() ? events : SessionEvents.NONE;
                futures.add(pool.submit(() -> {
                    slots.acquire();
                    try {
                        Transcript t = steps.conduct(s, forThis);
                        synchronized (done) {   // counts and reports in one step, so progress lines come in order
                            progress.sessionDone(s.id(), done.incrementAndGet(), sessions.size(), resumed);
                        }
                        return t;
                    } finally {
                        slots.release();
                    }
                }));
            }
            List<Transcript> out = new ArrayList<>();
            List<String> pending = new ArrayList<>();
            List<String> why = new ArrayList<>();
            for (Future<Transcript> f : futures) {
                try {
                    out.add(f.get());
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof SessionPending p) {
                        pending.add(p.session());
                        why.add(p.getMessage());
                        continue;
                    }
                    futures.forEach(x -> x.cancel(true));
                    throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                }
            }
            return new OpsTools.Conducted(out, pending, pending.isEmpty() ? "" : "waiting for " + pending.size() + " of " + sessions.size()
                    + " sessions to take place:\n  " + String.join("\n  ", why));
        }
    }
}
