package dev.chassis.research.ops.workflow;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.chassis.research.ops.conduct.SessionEvents;
import dev.chassis.research.ops.conduct.SessionPending;
import dev.chassis.research.ops.quality.QualityFlag;
import dev.chassis.research.ops.recruit.Screening;
import dev.chassis.research.ops.schedule.Schedule;
import dev.chassis.research.ops.schedule.ScheduledSession;
import dev.chassis.research.report.ReportWriter;
import dev.chassis.research.synthesis.Synthesis;
import dev.chassis.research.transcript.Transcript;
import dev.chassis.core.event.EventSink;
import dev.chassis.core.journal.FileJournal;
import dev.chassis.core.journal.Journal;
import dev.chassis.core.text.JsonAnswer;
import dev.chassis.core.tool.Tool;
import dev.chassis.models.offline.OfflineModel;
import dev.chassis.models.offline.Pacing;
import dev.chassis.work.RunOutcome;
import dev.chassis.work.RunSummary;
import dev.chassis.work.WorkEngine;
import dev.chassis.work.WorkHarness;
import dev.chassis.work.flow.EventKeys;
import dev.chassis.work.flow.OfflinePlan;
import dev.chassis.work.flow.StepBudget;
import dev.chassis.work.flow.StepDef;
import dev.chassis.work.flow.Workflow;
import dev.chassis.work.gate.Gate;
import dev.chassis.work.gate.GateVerdict;
import dev.chassis.work.journal.RunEvent;
import dev.chassis.work.journal.RunRecord;
import dev.chassis.work.journal.RunStatus;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Runs the research-operations steps in order over one run folder. Because every step is idempotent
 * (recruiting and scheduling are deterministic, invites come out identical, a session with a saved
 * transcript is not run again), resuming a killed run is running it again over the same folder: nothing
 * is lost and no session happens twice. Sessions run concurrently on virtual threads, at most
 * {@code parallel} at once; {@code live} names the session whose events are streamed.
 *
 * <p>Live sessions that have not taken place yet ({@link SessionPending}) do not fail the run: the others are
 * conducted and saved, and the run pauses (a wait: {@link RunWaiting}) until it is resumed, when the conduct
 * step runs again and takes in the transcripts that arrived.
 *
 * <p>The steps run as a work-harness workflow ({@link #WORKFLOW}) journaled in the run folder: a run
 * killed mid-way resumes from its journal without redoing finished steps (the invites, a side effect,
 * are never sent twice). Conducting owns its threads and cancels the remaining sessions if one fails.
 */
public final class StudyRun {

    private final ResearchSteps steps;
    private final RunProgress progress;
    private final int parallel;
    private final EventSink workEvents;

    public StudyRun(ResearchSteps steps, RunProgress progress, int parallel) {
        this(steps, progress, parallel, EventSink.NONE);
    }

    /** @param workEvents where the work harness's events go besides the journal (metrics, an audit trail) */
    public StudyRun(ResearchSteps steps, RunProgress progress, int parallel, EventSink workEvents) {
        if (parallel < 1) {
            throw new IllegalArgumentException("parallel must be 1 or more, was " + parallel);
        }
        this.steps = steps;
        this.progress = progress;
        this.parallel = parallel;
        this.workEvents = java.util.Objects.requireNonNull(workEvents, "workEvents");
    }

    /** What a finished run produced. */
    public record Outcome(Screening screening, Schedule schedule, List<Transcript> transcripts, Synthesis synthesis,
                          List<QualityFlag> flags, ReportWriter.Written report) {
    }

    /**
     * Runs (or resumes) the study over the run folder's journal, whose first attempt ({@code ops-1}) holds the
     * run's start.
     *
     * @param live    the session to stream, if any
     * @param events  where the live session's events go
     * @param context lines for the report's header
     * @throws RunWaiting when live sessions have not taken place yet (the run pauses; resuming does the conduct step again)
     */
    public Outcome run(Optional<String> live, SessionEvents events, List<String> context) throws InterruptedException {
        return run(live, events, context, WorkHarness.Builder::build);
    }

    /**
     * As {@link #run(Optional, SessionEvents, List)}, the steps on the engine {@code engines} makes of the harness's
     * configuration (this process's tools, the run folder's journal).
     */
    public Outcome run(Optional<String> live, SessionEvents events, List<String> context, Function<WorkHarness.Builder, WorkEngine> engines)
            throws InterruptedException {
        OpsTools tools = new OpsTools(steps, progress, sessions -> conductAll(sessions, live, events), context);
        FileJournal journal = new FileJournal(steps.folder().dir().resolve("journal"));
        RunOutcome o;
        try (WorkEngine engine = engines.apply(config(tools.all(), journal).events(workEvents))) {
            o = continueOrStart(engine, journal);
        }
        switch (o.status()) {
            case FAILED -> {
                Exception cause = tools.failure().orElse(null);
                if (cause instanceof RuntimeException r) {
                    throw r;
                }
                throw new IllegalStateException("research operations failed: " + o.reason(), cause);
            }
            case PAUSED -> throw new RunWaiting(tools.pending(), tools.waitingFor().isEmpty() ? o.reason() : tools.waitingFor());
            case SUCCEEDED, RUNNING -> {
                return new Outcome(tools.screening(), tools.booked(), tools.transcripts(), tools.synthesis(), tools.flags(), tools.report());
            }
        }
        throw new IllegalStateException("unreachable");
    }

    /** The work harness a study run's steps run on: its tools, the offline engine (the steps are tools), the journal. */
    static WorkHarness.Builder config(List<Tool> tools, Journal journal) {
        return WorkHarness.builder().model(OfflineModel.builder().pacing(Pacing.INSTANT).build()).tools(tools).journal(journal)
                .workflow(WORKFLOW);
    }

    /**
     * The research-operations workflow on the work harness: each step calls its tool and passes on the
     * tool's summary; the conduct step waits (the run pauses) until no session is pending.
     */
    static final Workflow WORKFLOW = workflow();

    private static Workflow workflow() {
        Gate sessionsTakePlace = Gate.of("sessions", in -> {
            int pending = in.json().map(j -> j.path("result").path("pending").asInt()).orElse(0);
            return pending == 0 ? new GateVerdict.Pass("sessions", "every session took place")
                    : new GateVerdict.Wait("sessions", "waiting for " + pending + " live session(s) to take place");
        });
        return Workflow.builder("research-operations")
                .description("Recruit, schedule, invite, conduct, synthesise, check quality and report.")
                .then("recruit", s -> toolStep(s, "recruit", "Screen the participant pool."))
                .then("schedule", s -> toolStep(s, "schedule", "Book the selected participants' sessions."))
                .then("invite", s -> toolStep(s, "send_invites", "Send the calendar invites."))
                .then("conduct", s -> toolStep(s, "conduct_sessions", "Conduct the sessions.").gate(sessionsTakePlace))
                .then("synthesise", s -> toolStep(s, "synthesise", "Synthesise the sessions."))
                .then("quality", s -> toolStep(s, "check_quality", "Check the sessions' quality.").needs("synthesise", "conduct"))
                .then("report", s -> toolStep(s, "write_report", "Write the report.").needs("quality", "conduct"))
                .build();
    }

    private static StepDef.Builder toolStep(StepDef.Builder s, String tool, String instruction) {
        return s.instruction(instruction).tools(tool).outputSchema(RESULT).budget(StepBudget.DEFAULT.withAttempts(1))
                .offline(new OfflinePlan.Calls(List.of(new OfflinePlan.PlannedCall(tool, "{}")), "{\"result\": \"${call.0}\"}"));
    }

    private static final String RESULT = "{\"type\": \"object\", \"required\": [\"result\"], \"properties\": {\"result\": {\"type\": \"object\"}}}";

    /**
     * Continues the latest attempt; starts a new one (with the first one's labels) when the latest failed, or
     * when it ended without sessions that had not taken place (how runs waited before waiting paused them).
     * Steps are idempotent over the folder, so a new attempt redoes nothing that matters: saved sessions are
     * not run again and invites already sent are not sent again.
     */
    private static RunOutcome continueOrStart(WorkEngine harness, Journal journal) {
        List<String> attempts = journal.streams().stream().filter(id -> id.matches("ops-\\d+"))
                .sorted(java.util.Comparator.comparingInt(id -> Integer.parseInt(id.substring(4)))).toList();
        if (attempts.isEmpty()) {
            throw new IllegalStateException("the run's journal holds no start: create the run first");
        }
        RunSummary last = harness.summary(attempts.getLast());
        boolean rejected = last.status() == RunStatus.FAILED && RunStore.rejected(RunRecord.load(last.runId(), journal));
        boolean legacyWait = last.status() == RunStatus.SUCCEEDED && RunRecord.load(last.runId(), journal)
                .get(EventKeys.stepEnded("conduct"), RunEvent.StepEnded.class)
                .map(e -> JsonAnswer.node(e.output()).path("result").path("pending").asInt()).orElse(0) > 0;
        if (last.status() == RunStatus.FAILED && !rejected || legacyWait) {
            Map<String, String> labels = harness.summary(attempts.getFirst()).labels();
            return harness.start(WORKFLOW, JsonNodeFactory.instance.objectNode(), "ops-" + (attempts.size() + 1), labels);
        }
        return harness.resume(last.runId());
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
