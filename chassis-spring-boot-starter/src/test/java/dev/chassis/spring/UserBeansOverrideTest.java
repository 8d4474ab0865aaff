package dev.chassis.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chassis.core.journal.InMemoryJournal;
import dev.chassis.core.model.Model;
import dev.chassis.models.offline.OfflineModel;
import dev.chassis.talk.TalkHarness;
import dev.chassis.talk.TurnRecord;
import dev.chassis.testkit.model.ScriptedModel;
import dev.chassis.work.WorkHarness;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;

/** An application's own beans win: its model is the one our work harness uses, its talk harness replaces ours. */
@SpringBootTest(classes = {StarterApp.class, UserBeansOverrideTest.Own.class})
class UserBeansOverrideTest {

    static final ScriptedModel OWN_MODEL = ScriptedModel.replying("Our own model answers here.");
    static final InMemoryJournal OWN_JOURNAL = new InMemoryJournal();

    @TestConfiguration
    static class Own {
        @Bean
        Model ownModel() {
            return OWN_MODEL;
        }

        @Bean
        TalkHarness ownTalk() {
            return TalkHarness.builder().model(OWN_MODEL).fallback(OfflineModel.create()).journal(OWN_JOURNAL).build();
        }
    }

    @Autowired ApplicationContext context;
    @Autowired Model model;
    @Autowired TalkHarness talk;
    @Autowired WorkHarness work;

    @Test
    void the_applications_model_and_talk_harness_replace_ours() throws Exception {
        assertThat(context.getBeansOfType(Model.class)).containsOnlyKeys("ownModel");
        assertThat(context.getBeansOfType(TalkHarness.class)).containsOnlyKeys("ownTalk");
        assertThat(model).isSameAs(OWN_MODEL);

        TurnRecord turn = StarterApp.interview(talk, "We plan on Mondays.");
        assertThat(turn.reply()).contains("Our own model answers here");
        assertThat(OWN_JOURNAL.streams()).contains(turn.sessionId());
        assertThat(context.getBeansOfType(WorkHarness.class)).containsOnlyKeys("chassisWorkHarness");
    }
}
