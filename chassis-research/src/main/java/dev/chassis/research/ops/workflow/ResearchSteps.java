package dev.chassis.research.ops.workflow;

import dev.chassis.research.ops.conduct.SessionConductor;
import dev.chassis.research.ops.conduct.SessionEvents;
import dev.chassis.research.ops.quality.QualityCheck;
import dev.chassis.research.ops.quality.QualityFlag;
import dev.chassis.research.ops.recruit.Screener;
import dev.chassis.research.ops.recruit.Screening;
import dev.chassis.research.ops.schedule.Invites;
import dev.chassis.research.ops.schedule.MailException;
import dev.chassis.research.ops.schedule.Mailer;
import dev.chassis.research.ops.schedule.Schedule;
import dev.chassis.research.ops.schedule.ScheduledSession;
import dev.chassis.research.ops.schedule.Scheduler;
import dev.chassis.research.ops.study.Study;
import dev.chassis.research.ops.study.StudyPlan;
import dev.chassis.research.report.ReportInput;
import dev.chassis.research.report.ReportWriter;
import dev.chassis.research.report.SessionFlag;
import dev.chassis.research.synthesis.Synthesis;
import dev.chassis.research.synthesis.Synthesizer;
import dev.chassis.research.transcript.Transcript;
import dev.chassis.research.transcript.TranscriptFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The steps of a research-operations run, each an idempotent operation over the run folder: running a
 * step again with the same study gives the same files, and {@link #conduct} does not run a session whose
 * transcript is already saved. Recruiting, scheduling and quality checks are deterministic; time comes
 * from the run ({@code started}), never the clock. The work harness orders, journals and resumes them.
 * Thread-safe for different sessions.
 */
public final class ResearchSteps {

    private final StudyPlan plan;
    private final RunFolder folder;
    private final SessionConductor conductor;
    private final Synthesizer synthesizer;
    private final Instant started;
    private final Delivery delivery;

    public ResearchSteps(StudyPlan plan, RunFolder folder, SessionConductor conductor, Synthesizer synthesizer, Instant started) {
        this(plan, folder, conductor, synthesizer, started, Delivery.filesOnly());
    }

    private ResearchSteps(StudyPlan plan, RunFolder folder, SessionConductor conductor, Synthesizer synthesizer, Instant started,
                          Delivery delivery) {
        this.plan = Objects.requireNonNull(plan, "plan");
        this.folder = Objects.requireNonNull(folder, "folder");
        this.conductor = Objects.requireNonNull(conductor, "conductor");
        this.synthesizer = Objects.requireNonNull(synthesizer, "synthesizer");
        this.started = Objects.requireNonNull(started, "started");
        this.delivery = Objects.requireNonNull(delivery, "delivery");
    }

    /** The same steps, with invitations delivered this way (links, and a mailer or none). */
    public ResearchSteps withDelivery(Delivery d) {
        return new ResearchSteps(plan, folder, conductor, synthesizer, started, d);
    }

    /**
     * What the invitation step did.
     *
     * @param files       the invites written now, and the combined calendar last
     * @param emailed     invitations the mail server accepted now
     * @param refused     sessions whose invitation the mail server refused for good, with its words (tried again on a resume)
     * @param mailer      where mail went; empty when the run has no mailer and only wrote the files
     */
    public record Invited(List<Path> files, int emailed, Map<String, String> refused, Optional<String> mailer) {
        public Invited {
            files = List.copyOf(files);
            refused = Map.copyOf(refused);
        }

        /** Invitations handled now (written, and emailed where there is a mailer). */
        public int sentNow() {
            return files.size() - 1;
        }
    }

    public StudyPlan plan() {
        return plan;
    }

    public RunFolder folder() {
        return folder;
    }

    /** Screens the pool; saves {@code recruitment.json}. */
    public Screening recruit() {
        Study s = plan.study();
        Screening screening = new Screener(s.screener().require(), s.screener().exclude(), s.screener().quotas(), s.sessions()).screen(plan.pool());
        folder.writeJson("recruitment.json", Recruitment.of(screening));
        return screening;
    }

    /** Books sessions for the selected people; saves {@code schedule.json}. */
    public Schedule schedule(Screening screening) {
        Schedule schedule = Scheduler.schedule(screening.selected(), plan.study().schedule());
        folder.writeJson("schedule.json", SessionPlan.of(schedule));
        return schedule;
    }

    /**
     * Sends the calendar invites of the sessions whose invite was not sent before in this run, and writes the
     * researchers' combined calendar. Sending is a side effect on people, so each send is recorded in
     * {@code invites/sent.log} (one line per session, synced) before the next: a repeated or resumed step skips
     * what was sent. A crash between writing an invite and recording it sends that one again, with the same UID,
     * which calendars take as the same invitation.
     *
     * @return the invites sent now, and the combined calendar last
     */
    public List<Path> invite(Schedule schedule) {
        return deliver(schedule).files();
    }

    /**
     * As {@link #invite}, and says what was emailed. Each session's invite carries the participant's own link
     * (the delivery's, else the schedule's); with a mailer it is emailed before its send is recorded, with a
     * Message-ID derived from the invite's UID, so the one resend a crash can cause is recognisably the same
     * message. A refused address is reported and not recorded as sent; a mail server that cannot be reached
     * fails the step in plain words after three tries (a resume sends what is left).
     */
    public Invited deliver(Schedule schedule) {
        Study s = plan.study();
        Set<String> sent = SentLog.read(folder.invites());
        List<Path> out = new ArrayList<>();
        Map<String, String> refused = new LinkedHashMap<>();
        int emailed = 0;
        List<ScheduledSession> linked = schedule.sessions().stream().map(this::withLink).toList();
        for (ScheduledSession session : linked) {
            if (sent.contains(session.id())) {
                continue;
            }
            Path file = Invites.writeOne(s.study(), s.title(), s.organizer(), session, started, folder.invites());
            if (delivery.mailer().isPresent()) {
                try {
                    MailRetry.send(delivery.mailer().get(), Invites.mail(s.study(), s.title(), s.organizer(), session, started));
                    emailed++;
                } catch (MailException e) {
                    if (!e.permanent()) {
                        throw e;
                    }
                    refused.put(session.id(), e.getMessage());
                    continue;
                }
            }
            out.add(file);
            SentLog.append(folder.invites(), session.id());
        }
        out.add(Invites.writeCombined(s.study(), s.title(), s.organizer(), linked, started, folder.invites()));
        return new Invited(out, emailed, refused, delivery.mailer().map(Mailer::describe));
    }

    /** A live session's invite carries the participant's own link; a synthetic one keeps the schedule's. */
    private ScheduledSession withLink(ScheduledSession session) {
        if (plan.study().conduct() != Study.Conduct.LIVE) {
            return session;
        }
        String run = folder.dir().getFileName().toString();
        return new ScheduledSession(session.id(), session.participant(), session.start(), session.duration(), delivery.links().apply(run, session));
    }

    /** Runs one session, unless its transcript is already saved; saves {@code transcripts/<session>.json}. */
    public Transcript conduct(ScheduledSession session, SessionEvents events) {
        Path file = folder.transcript(session.id());
        if (Files.isRegularFile(file)) {
            return TranscriptFiles.load(file).getFirst();
        }
        Transcript t = conductor.conduct(session, events);
        if (!t.id().equals(session.id())) {
            throw new IllegalStateException("the session conductor returned transcript '" + t.id() + "' for session '"
                    + session.id() + "'; a conductor must use the session's id");
        }
        Transcript withParticipant = t.participant().isPresent() ? t : t.withParticipant(session.participant().id());
        RunFolder.write(file, TranscriptFiles.toJson(withParticipant));
        return withParticipant;
    }

    /**
     * Synthesises the sessions, each with its participant's background from the pool, leaving out those
     * the quality check excludes (likely fraud, low effort); saves {@code synthesis.json}.
     */
    public Synthesis synthesise(List<Transcript> transcripts) {
        List<Transcript> known = transcripts.stream().map(this::withBackground).toList();
        List<QualityFlag> flags = new QualityCheck(plan.study().quality()).assess(known, Synthesizer.engagement(known));
        Map<String, String> excluded = QualityFlag.exclusions(flags);
        // With every session flagged, a report of nothing helps no one: all are synthesised and the flags say why.
        Synthesis s = synthesizer.synthesize(known, excluded.size() == known.size() ? Map.of() : excluded);
        folder.writeJson("synthesis.json", s);
        return s;
    }

    /** The pool's fields for the session's participant (role, company size...) and the interview language. */
    private Transcript withBackground(Transcript t) {
        if (!t.background().isEmpty() || t.participant().isEmpty()) {
            return t;
        }
        return plan.pool().find(t.participant().get()).map(p -> {
            Map<String, String> fields = new TreeMap<>(p.attributes());
            fields.put("language", t.language().orElse(p.language()));
            return t.withBackground(fields);
        }).orElse(t);
    }

    /** Flags quality concerns in every session, excluded or not; saves {@code quality.json}. */
    public List<QualityFlag> checkQuality(List<Transcript> transcripts, Synthesis synthesis) {
        List<QualityFlag> flags = new QualityCheck(plan.study().quality()).assess(transcripts, Synthesizer.engagement(transcripts));
        folder.writeJson("quality.json", flags);
        return flags;
    }

    /** Writes {@code report/}: the HTML and Markdown report, themes and quotes as CSV and JSON. */
    public ReportWriter.Written report(Synthesis synthesis, List<QualityFlag> flags, List<String> context) {
        List<SessionFlag> shown = new ArrayList<>();
        flags.forEach(f -> shown.add(new SessionFlag(f.session(), f.kind().label(), f.reasons())));
        return ReportWriter.write(new ReportInput(plan.study().title(), context, synthesis, shown), folder.report());
    }
}
