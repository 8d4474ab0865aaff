package dev.chassis.research.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chassis.research.fixture.Fixtures;
import dev.chassis.research.ops.conduct.SessionConductor;
import dev.chassis.research.ops.conduct.SessionEvents;
import dev.chassis.research.ops.quality.QualityFlag;
import dev.chassis.research.ops.recruit.Screening;
import dev.chassis.research.ops.schedule.Schedule;
import dev.chassis.research.ops.schedule.ScheduledSession;
import dev.chassis.research.ops.study.StudyPlan;
import dev.chassis.research.ops.workflow.ResearchSteps;
import dev.chassis.research.ops.workflow.RunFolder;
import dev.chassis.research.report.ReportWriter;
import dev.chassis.research.synthesis.QuoteVerifier;
import dev.chassis.research.synthesis.Synthesis;
import dev.chassis.research.synthesis.Synthesizer;
import dev.chassis.research.transcript.Transcript;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResearchStepsTest {

    @TempDir
    Path dir;

    private final List<Transcript> recorded = Fixtures.exampleTranscripts();
    private final AtomicInteger conducted = new AtomicInteger();
    /** Stands in for the interviewer: replays the example transcripts under the session ids. */
    private final SessionConductor replay = (ScheduledSession s, SessionEvents events) -> {
        conducted.incrementAndGet();
        Transcript t = recorded.get((Integer.parseInt(s.id().substring(2)) - 1) % recorded.size());
        events.signal(s.id(), "replayed");
        return new Transcript(s.id(), t.participant(), t.language(), t.turns(), t.marks());
    };
    private StudyPlan plan;

    @BeforeEach
    void study() throws IOException {
        Files.copy(Fixtures.repo().resolve("examples/study-onboarding/pool.csv"), dir.resolve("pool.csv"));
        Files.writeString(dir.resolve("guide.yaml"), "study: x\n");
        Files.writeString(dir.resolve("study.yaml"), """
                study: onboarding
                title: Onboarding research
                guide: guide.yaml
                pool: pool.csv
                sessions: 4
                screener:
                  require: [{field: uses_product, equals: "yes"}]
                  quotas: [{field: role, value: designer, max: 1}]
                schedule: {timezone: Europe/Berlin, start: 2025-03-03, days: 5, hours: "08:00-20:00"}
                """);
        plan = StudyPlan.load(dir.resolve("study.yaml"));
    }

    private ResearchSteps steps() {
        return new ResearchSteps(plan, new RunFolder(dir.resolve("run")), replay, Synthesizer.builder().build(), Instant.parse("2025-02-20T10:00:00Z"));
    }

    @Test
    void the_steps_take_a_study_from_pool_to_report_with_every_quote_verbatim() throws IOException {
        ResearchSteps steps = steps();
        Screening screening = steps.recruit();
        Schedule schedule = steps.schedule(screening);
        List<Path> invites = steps.invite(schedule);
        List<Transcript> transcripts = new ArrayList<>();
        schedule.sessions().forEach(s -> transcripts.add(steps.conduct(s, SessionEvents.NONE)));
        Synthesis synthesis = steps.synthesise(transcripts);
        List<QualityFlag> flags = steps.checkQuality(transcripts, synthesis);
        ReportWriter.Written report = steps.report(synthesis, flags, List.of("offline test"));

        assertThat(screening.selected()).hasSize(4);
        assertThat(schedule.sessions()).extracting(ScheduledSession::id).containsExactly("s-01", "s-02", "s-03", "s-04");
        assertThat(invites).hasSize(5);
        assertThat(transcripts).extracting(t -> t.participant().orElseThrow()).containsExactlyElementsOf(
                schedule.sessions().stream().map(s -> s.participant().id()).toList());
        Path run = dir.resolve("run");
        assertThat(run.resolve("recruitment.json")).exists();
        assertThat(Files.readString(run.resolve("schedule.json"))).contains("\"session\" : \"s-01\"");
        assertThat(run.resolve("transcripts/s-04.json")).exists();
        assertThat(run.resolve("synthesis.json")).exists();
        assertThat(flags).extracting(QualityFlag::session).contains("s-04");
        QuoteVerifier verifier = QuoteVerifier.of(transcripts);
        assertThat(synthesis.quotes()).isNotEmpty().allSatisfy(q -> assertThat(verifier.isExact(q)).isTrue());
        assertThat(Files.readString(report.html())).contains("Onboarding research").contains("<td>s-04</td><td class=\"flag\">");
    }

    @Test
    void a_session_whose_transcript_is_saved_is_not_run_again() {
        ResearchSteps steps = steps();
        Schedule schedule = steps.schedule(steps.recruit());
        ScheduledSession first = schedule.sessions().getFirst();

        Transcript once = steps.conduct(first, SessionEvents.NONE);
        Transcript again = steps().conduct(first, SessionEvents.NONE);

        assertThat(conducted).hasValue(1);
        assertThat(again).isEqualTo(once);
    }

    @Test
    void recruiting_and_scheduling_again_write_the_same_files() throws IOException {
        ResearchSteps steps = steps();
        Schedule schedule = steps.schedule(steps.recruit());
        steps.invite(schedule);
        String recruitment = Files.readString(dir.resolve("run/recruitment.json"));
        String invites = Files.readString(dir.resolve("run/invites/sessions.ics"));

        ResearchSteps again = steps();
        again.invite(again.schedule(again.recruit()));

        assertThat(Files.readString(dir.resolve("run/recruitment.json"))).isEqualTo(recruitment);
        assertThat(Files.readString(dir.resolve("run/invites/sessions.ics"))).isEqualTo(invites);
    }

    @Test
    void an_invite_is_sent_once_however_often_the_step_runs_and_a_cut_log_line_is_no_send() throws IOException {
        ResearchSteps steps = steps();
        Schedule schedule = steps.schedule(steps.recruit());
        Path sent = dir.resolve("run/invites/sent.log");
        Files.createDirectories(sent.getParent());
        Files.writeString(sent, "s-01\ns-0");   // a run killed while it recorded the second send

        List<Path> first = steps.invite(schedule);
        List<Path> again = steps().invite(schedule);

        assertThat(first).extracting(p -> p.getFileName().toString()).containsExactly("s-02.ics", "s-03.ics", "s-04.ics", "sessions.ics");
        assertThat(again).extracting(p -> p.getFileName().toString()).containsExactly("sessions.ics");
        assertThat(Files.readAllLines(sent)).containsExactly("s-01", "s-0", "s-02", "s-03", "s-04");
        assertThat(Files.readString(dir.resolve("run/invites/sessions.ics"))).contains("UID:s-04.onboarding@chassis");
    }
}
