package dev.chassis.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server warms the interview path in its studies' languages in the background and leaves no trace of it. */
class WarmUpTest {

    @Test
    void the_warm_up_runs_in_each_study_language_and_adds_no_session(@TempDir Path dir) throws Exception {
        try (TestServer s = TestServer.start(dir)) {
            String study = s.json("POST", "/api/studies", "{\"example\":\"onboarding-en.yaml\"}").path("study").path("id").asText();
            String[] invited = s.newSession(study);

            List<String> warmed = s.server.warmUpInBackground().get(Duration.ofMinutes(2).toSeconds(), TimeUnit.SECONDS);

            assertThat(warmed).containsExactly("en");
            JsonNode sessions = s.json("GET", "/api/sessions", null);
            assertThat(sessions).as("sessions after the warm-up").hasSize(1);
            assertThat(sessions.get(0).path("session").path("id").asText()).isEqualTo(invited[0]);
            assertThat(s.json("GET", "/api/sessions/" + invited[0] + "/state", null).path("transcript")).isEmpty();
        }
    }
}
