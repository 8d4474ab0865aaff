package dev.chassis.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chassis.store.JdbcJournal;
import dev.chassis.talk.TalkHarness;
import dev.chassis.talk.TurnRecord;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** An application restarted on its database (a file, not memory) starts again and finds its sessions: both Flyway histories agree. */
class RestartTest {

    @Test
    void an_application_started_twice_on_one_database_keeps_its_sessions(@TempDir Path dir) throws Exception {
        String url = "--spring.datasource.url=" + JdbcJournal.h2Url(dir.resolve("app"));
        String session;
        try (ConfigurableApplicationContext first = start(url)) {
            TurnRecord turn = StarterApp.interview(first.getBean(TalkHarness.class), "We plan on Mondays.");
            session = turn.sessionId();
        }
        try (ConfigurableApplicationContext second = start(url)) {
            assertThat(second.getBean(JdbcJournal.class).sessionJournal().read(session)).isNotEmpty();
        }
    }

    private static ConfigurableApplicationContext start(String url) {
        return new SpringApplicationBuilder(StarterApp.class).run(url, "--spring.main.banner-mode=off");
    }
}
