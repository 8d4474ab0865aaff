package dev.chassis.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chassis.core.model.Model;
import dev.chassis.models.offline.OfflineModel;
import dev.chassis.store.JdbcJournal;
import dev.chassis.talk.TalkHarness;
import dev.chassis.talk.TurnRecord;
import dev.chassis.work.RunOutcome;
import dev.chassis.work.WorkHarness;
import dev.chassis.work.flow.Workflow;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

@SpringBootTest(classes = StarterApp.class)
class StarterDefaultsTest {

    record Feedback(String team, String text) { }

    record Summary(String summary) { }

    @Autowired Model model;
    @Autowired TalkHarness talk;
    @Autowired WorkHarness work;
    @Autowired JdbcJournal journal;
    @Autowired MeterRegistry registry;
    @Autowired JdbcTemplate jdbc;
    @Autowired HealthEndpoint health;

    @Test
    void with_no_properties_the_harnesses_run_on_the_offline_engine_and_journal_into_the_applications_database() throws Exception {
        assertThat(model).isInstanceOf(OfflineModel.class);

        TurnRecord turn = StarterApp.interview(talk, "On Monday mornings. All 12 of us add our tasks to one board.");
        assertThat(turn.reply()).isNotBlank();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM chassis_journal WHERE stream_kind = 'session' AND stream_id = ?",
                Integer.class, turn.sessionId())).isPositive();

        Workflow flow = Workflow.builder("triage").then("summarise", s -> s.instruction("Summarise the feedback.").output(Summary.class)
                .offline(Feedback.class, f -> new Summary("slow setup: " + f.text()))).build();
        RunOutcome run = work.start(flow, new Feedback("design", "two days to get going"));
        assertThat(run.output("summarise", Summary.class).summary()).isEqualTo("slow setup: two days to get going");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM chassis_journal WHERE stream_kind = 'run'", Integer.class)).isPositive();
    }

    @Test
    void both_harnesses_metrics_are_in_the_applications_registry() throws Exception {
        StarterApp.interview(talk, "We plan on Mondays, on one board.");
        Workflow flow = Workflow.builder("label").then("label", s -> s.instruction("Label it.").output(Summary.class)
                .offline(Feedback.class, f -> new Summary(f.team()))).build();
        work.start(flow, new Feedback("ops", "fine"));

        assertThat(registry.get("chassis.turns").counter().count()).isGreaterThanOrEqualTo(2);
        assertThat(registry.get("chassis.turn.latency").tag("phase", "total").timer().count()).isGreaterThanOrEqualTo(2);
        assertThat(registry.get("chassis.work.steps").tag("status", "succeeded").counter().count()).isGreaterThanOrEqualTo(1);
        assertThat(registry.get("chassis.work.journal.append").timer().count()).isPositive();
    }

    @Test
    void health_is_up_with_a_writable_journal_and_says_which_model() {
        var chassis = health.healthForPath("chassis");
        assertThat(chassis.getStatus()).isEqualTo(Status.UP);
        assertThat(journal.health().up()).isTrue();
    }
}
