package dev.chassis.research.ops.workflow;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chassis.core.tool.Tool;
import dev.chassis.core.tool.ToolResult;
import dev.chassis.core.tool.ToolSpec;
import dev.chassis.research.ops.conduct.SessionEvents;
import dev.chassis.research.ops.quality.QualityFlag;
import dev.chassis.research.ops.recruit.Screening;
import dev.chassis.research.ops.schedule.Schedule;
import dev.chassis.research.ops.schedule.ScheduledSession;
import dev.chassis.research.report.ReportWriter;
import dev.chassis.research.synthesis.Synthesis;
import dev.chassis.research.transcript.Transcript;
import dev.chassis.research.transcript.TranscriptFiles;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * The research-operations steps as work-harness tools, one per step, over one run folder. Each tool
 * reports its progress and answers with a small JSON summary, which becomes the step's output in the
 * run journal. What a step produced is kept here for the run's outcome; after a resume that replayed
 * a step from the journal, it is rebuilt from the folder on demand (every step is deterministic or
 * reads what it saved). One per run invocation; the harness calls the tools one at a time.
 */
final class OpsTools {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ResearchSteps steps;
    private final RunProgress progress;
    private final Conducting conducting;
    private final List<String> context;

    private Screening screening;
    private Schedule schedule;
    private List<Transcript> transcripts;
    private List<String> pending = List.of();
    private String waitingFor = "";
    private Synthesis synthesis;
    private List<QualityFlag> flags;
    private ReportWriter.Written report;
    private Optional<Exception> failure = Optional.empty();

    /** Runs the sessions of a schedule: all of them, concurrently, reporting live ones (see {@link StudyRun}). */
    interface Conducting {
        Conducted conduct(List<ScheduledSession> sessions) throws InterruptedException;
    }

    /** Sessions conducted, and those that have not taken place yet, with why. */
    record Conducted(List<Transcript> transcripts, List<String> pending, String waitingFor) { }

    OpsTools(ResearchSteps steps, RunProgress progress, Conducting conducting, List<String> context) {
        this.steps = steps;
        this.progress = progress;
        this.conducting = conducting;
        this.context = List.copyOf(context);
    }

    private static final List<ToolSpec> SPECS = List.of(
            new ToolSpec("recruit", "Screens the participant pool against the screener and quotas.", ToolSpec.NO_PARAMETERS, false),
            new ToolSpec("schedule", "Books sessions within the participants' availability.", ToolSpec.NO_PARAMETERS, false),
            new ToolSpec("send_invites", "Writes and sends the calendar invites.", ToolSpec.NO_PARAMETERS, true),
            new ToolSpec("conduct_sessions", "Conducts every scheduled session not yet saved.", ToolSpec.NO_PARAMETERS, false),
            new ToolSpec("synthesise", "Finds themes with verbatim quotes across the sessions.", ToolSpec.NO_PARAMETERS, false),
            new ToolSpec("check_quality", "Flags low-engagement, low-effort and likely fraudulent sessions.", ToolSpec.NO_PARAMETERS, false),
            new ToolSpec("write_report", "Writes the report as HTML and Markdown.", ToolSpec.NO_PARAMETERS, false));

    List<Tool> all() {
        List<Callable<ObjectNode>> bodies = List.of(this::recruit, this::schedule, this::invite, this::conduct, this::synthesise,
                this::quality, this::writeReport);
        List<Tool> out = new java.util.ArrayList<>();
        for (int i = 0; i < SPECS.size(); i++) {
            out.add(tool(SPECS.get(i), bodies.get(i)));
        }
        return out;
    }

    /**
     * The tools by name only, for a harness that records a run's start or a decision and replays the rest: calling
     * one is a bug, and fails saying so.
     */
    static List<Tool> names() {
        return SPECS.stream().map(spec -> Tool.of(spec, call -> {
            throw new IllegalStateException("the research-operations step '" + spec.name() + "' cannot run here: resume the run to run it");
        })).toList();
    }

    private Tool tool(ToolSpec spec, Callable<ObjectNode> body) {
        return Tool.of(spec, call -> {
            try {
                return new ToolResult.Ok(body.call().toString());
            } catch (Exception e) {
                failure = Optional.of(e); // kept, so the run can fail with the step's own error rather than a summary of it
                throw e;
            }
        });
    }

    private ObjectNode recruit() {
        progress.stepStarted("recruit");
        Screening s = screening();
        progress.stepDone("recruit", s.selected().size() + " selected of " + s.decisions().size() + " (" + s.count(Screening.Outcome.SCREENED_OUT)
                + " screened out, " + s.count(Screening.Outcome.DUPLICATE) + " duplicate, " + s.count(Screening.Outcome.OVER_QUOTA) + " over quota)");
        return JSON.createObjectNode().put("selected", s.selected().size()).put("considered", s.decisions().size());
    }

    private ObjectNode schedule() {
        progress.stepStarted("schedule");
        Schedule s = booked();
        progress.stepDone("schedule", s.sessions().size() + " sessions booked" + (s.unscheduled().isEmpty() ? ""
                : ", " + s.unscheduled().size() + " could not be scheduled"));
        return JSON.createObjectNode().put("booked", s.sessions().size()).put("unscheduled", s.unscheduled().size());
    }

    private ObjectNode invite() {
        progress.stepStarted("invite");
        int total = booked().sessions().size();
        ResearchSteps.Invited invited = steps.deliver(booked());
        int now = invited.sentNow();
        int before = total - now - invited.refused().size();
        String how = invited.mailer().map(m -> ", " + invited.emailed() + " emailed through " + m)
                .orElse(now == 0 ? "" : ", not emailed: no mail server is set (CHASSIS_SMTP_HOST); send the files yourself");
        String refused = invited.refused().isEmpty() ? "" : "; " + invited.refused().size() + " refused by the mail server: "
                + String.join("; ", invited.refused().values());
        progress.stepDone("invite", total + " calendar invites in " + steps.folder().invites() + how
                + (before > 0 ? " (" + before + " sent before, not sent again)" : "") + refused);
        ObjectNode result = JSON.createObjectNode().put("invites", total).put("sentNow", now).put("emailed", invited.emailed());
        invited.refused().forEach((session, why) -> result.withObject("refused").put(session, why));
        return result;
    }

    private ObjectNode conduct() throws InterruptedException {
        progress.stepStarted("conduct");
        Conducted c = conducting.conduct(booked().sessions());
        transcripts = c.transcripts();
        pending = c.pending();
        waitingFor = c.waitingFor();
        if (pending.isEmpty()) {
            progress.stepDone("conduct", transcripts.size() + " transcripts in " + steps.folder().transcripts());
        }
        return JSON.createObjectNode().put("transcripts", transcripts.size()).put("pending", pending.size());
    }

    private ObjectNode synthesise() {
        progress.stepStarted("synthesise");
        synthesis = steps.synthesise(transcripts());
        progress.stepDone("synthesise", synthesis.themes().size() + " themes, " + synthesis.quotes().size() + " verbatim quotes");
        return JSON.createObjectNode().put("themes", synthesis.themes().size()).put("quotes", synthesis.quotes().size());
    }

    private ObjectNode quality() {
        progress.stepStarted("quality");
        flags = steps.checkQuality(transcripts(), synthesis());
        progress.stepDone("quality", flags.isEmpty() ? "no session flagged"
                : flags.size() + " flag(s) on " + flags.stream().map(QualityFlag::session).distinct().count() + " session(s)");
        return JSON.createObjectNode().put("flags", flags.size());
    }

    private ObjectNode writeReport() {
        progress.stepStarted("report");
        report = steps.report(synthesis(), flags(), context);
        progress.stepDone("report", report.html().toString());
        return JSON.createObjectNode().put("html", report.html().toString()).put("markdown", report.markdown().toString());
    }

    Screening screening() {
        if (screening == null) {
            screening = steps.recruit(); // deterministic: the same file and the same selection every time
        }
        return screening;
    }

    Schedule booked() {
        if (schedule == null) {
            schedule = steps.schedule(screening());
        }
        return schedule;
    }

    /** The saved transcripts of the scheduled sessions. */
    List<Transcript> transcripts() {
        if (transcripts == null) {
            List<Transcript> saved = new ArrayList<>();
            for (ScheduledSession s : booked().sessions()) {
                if (Files.isRegularFile(steps.folder().transcript(s.id()))) {
                    saved.add(TranscriptFiles.load(steps.folder().transcript(s.id())).getFirst());
                }
            }
            transcripts = saved;
        }
        return transcripts;
    }

    Synthesis synthesis() {
        if (synthesis == null) {
            synthesis = steps.synthesise(transcripts());
        }
        return synthesis;
    }

    List<QualityFlag> flags() {
        if (flags == null) {
            flags = steps.checkQuality(transcripts(), synthesis());
        }
        return flags;
    }

    ReportWriter.Written report() {
        if (report == null) {
            report = steps.report(synthesis(), flags(), context);
        }
        return report;
    }

    List<String> pending() {
        return pending;
    }

    String waitingFor() {
        return waitingFor;
    }

    Optional<Exception> failure() {
        return failure;
    }
}
