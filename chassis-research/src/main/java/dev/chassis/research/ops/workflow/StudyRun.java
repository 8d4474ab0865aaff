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
 * <p>This sequential driver is what the work harness's workflow calls step by step; it owns its threads
 * and cancels the remaining sessions if one fails.
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
        progress.stepStarted("recruit");
        Screening screening = steps.recruit();
        progress.stepDone("recruit", screening.selected().size() + " selected of " + screening.decisions().size()
                + " (" + screening.count(Screening.Outcome.SCREENED_OUT) + " screened out, " + screening.count(Screening.Outcome.DUPLICATE)
                + " duplicate, " + screening.count(Screening.Outcome.OVER_QUOTA) + " over quota)");
        progress.stepStarted("schedule");
        Schedule schedule = steps.schedule(screening);
        progress.stepDone("schedule", schedule.sessions().size() + " sessions booked" + (schedule.unscheduled().isEmpty() ? ""
                : ", " + schedule.unscheduled().size() + " could not be scheduled"));
        progress.stepStarted("invite");
        int invites = steps.invite(schedule).size() - 1;
        progress.stepDone("invite", invites + " calendar invites in " + steps.folder().invites());
        progress.stepStarted("conduct");
        List<Transcript> transcripts = conductAll(schedule.sessions(), live, events);
        progress.stepDone("conduct", transcripts.size() + " transcripts in " + steps.folder().transcripts());
        progress.stepStarted("synthesise");
        Synthesis synthesis = steps.synthesise(transcripts);
        progress.stepDone("synthesise", synthesis.themes().size() + " themes, " + synthesis.quotes().size() + " verbatim quotes");
        progress.stepStarted("quality");
        List<QualityFlag> flags = steps.checkQuality(transcripts, synthesis);
        progress.stepDone("quality", flags.isEmpty() ? "no session flagged"
                : flags.size() + " flag(s) on " + flags.stream().map(QualityFlag::session).distinct().count() + " session(s)");
        progress.stepStarted("report");
        ReportWriter.Written report = steps.report(synthesis, flags, context);
        progress.stepDone("report", report.html().toString());
        return new Outcome(screening, schedule, transcripts, synthesis, flags, report);
    }

    private List<Transcript> conductAll(List<ScheduledSession> sessions, Optional<String> live, SessionEvents events) throws InterruptedException {
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
            if (!pending.isEmpty()) {
                throw new RunWaiting(pending, "waiting for " + pending.size() + " of " + sessions.size() + " sessions to take place:\n  "
                        + String.join("\n  ", why));
            }
            return out;
        }
    }
}
