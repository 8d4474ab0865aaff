package dev.chassis.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chassis.models.offline.OfflineModel;
import dev.chassis.models.offline.Pacing;
import dev.chassis.talk.Session;
import dev.chassis.talk.TalkHarness;
import dev.chassis.talk.internal.LiveSession;
import dev.chassis.talk.stage.Briefing;
import dev.chassis.talk.stage.Objective;
import dev.chassis.talk.state.SessionState;
import dev.chassis.work.RunOutcome;
import dev.chassis.work.WorkHarness;
import dev.chassis.work.flow.Workflow;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Both harnesses resume from a database journal: H2 always, PostgreSQL when configured. */
class ResumeFromDatabaseTest {

    private static final OfflineModel OFFLINE = OfflineModel.builder().pacing(Pacing.INSTANT).build();

    @Test
    void a_talk_session_and_a_work_run_resume_from_the_database(@TempDir Path dir) throws Exception {
        for (String url : Databases.urls(dir)) {
            String id = "db-" + UUID.randomUUID().toString().substring(0, 8);
            Briefing b = new Briefing("Learn about commutes.", "en", List.of("en"), Duration.ofMinutes(10),
                    List.of(Objective.of("commute", "Commute", 5, 1.0, "How do you get to work?", "What would make it better?")),
                    Map.of(), List.of(), List.of(), "Hi!");
            SessionState before;
            try (JdbcJournal db = JdbcJournal.open(url)) {
                TalkHarness talk = TalkHarness.builder().model(OFFLINE).fallback(OFFLINE).journal(db.sessionJournal()).build();
                Session s = talk.open(talk.stage(b), id);
                s.open(t -> { }).join();
                s.respond("I cycle every day, about twenty minutes along the river.", t -> { }).join();
                assertThat(s.settle(Duration.ofSeconds(60))).isTrue();   // its monitors' signals are journaled before the 'crash'
                ((LiveSession) s).flush(Duration.ofSeconds(5));
                before = s.state();
            }
            try (JdbcJournal db = JdbcJournal.open(url)) {
                TalkHarness talk = TalkHarness.builder().model(OFFLINE).fallback(OFFLINE).journal(db.sessionJournal()).build();
                try (Session resumed = talk.resume(id)) {
                    assertThat(resumed.state()).as(url).isEqualTo(before);
                }
                Workflow wf = Workflow.builder("db-run").then("a", st -> st.instruction("A").offline(in -> "{\"a\": 1}"))
                        .then("b", st -> st.instruction("B").offline(in -> "{\"b\": 2}")).build();
                WorkHarness work = WorkHarness.builder().model(OFFLINE).journal(db.runJournal()).workflow(wf).build();
                RunOutcome out = work.start(wf, new ObjectMapper().createObjectNode(), id);
                assertThat(work.resume(id).outputs()).isEqualTo(out.outputs());
                assertThat(work.runs()).extracting(r -> r.runId()).contains(id);
            }
        }
    }
}
