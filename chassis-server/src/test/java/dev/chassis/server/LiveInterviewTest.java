package dev.chassis.server;

import static dev.chassis.server.WsClient.type;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LiveInterviewTest {

    static final List<String> ANSWERS = List.of(
            "I grind the espresso beans by hand every morning and brew one strong cup of coffee.",
            "The coffee ritual matters to me, the morning cup gives me a calm start before work.",
            "I ride my bike to work along the river, the commute takes twenty minutes.",
            "When it rains I take the train instead of the bike, the commute is slower then.",
            "That's about it for my mornings and my commute to work.");

    @Test
    void a_participant_is_interviewed_over_the_websocket_until_the_interviewer_wraps_up(@TempDir Path dir) throws Exception {
        try (TestServer s = TestServer.start(dir)) {
            String study = s.shortStudy();
            String[] session = s.newSession(study);
            try (WsClient ws = new WsClient(s.base(), session[1])) {
                JsonNode hello = ws.await(type("hello"), 5);
                assertThat(hello.path("started").asBoolean()).isFalse();
                ws.send("{\"type\":\"start\"}");
                ws.await(type("token"), 5);
                JsonNode opening = ws.await(type("agent-end"), 10);
                assertThat(opening.path("turn").asInt()).isZero();
                assertThat(opening.path("text").asText()).contains("test conversation");
                boolean done = false;
                for (int i = 0; i < 30 && !done; i++) {
                    ws.send("{\"type\":\"say\",\"text\":\"" + ANSWERS.get(Math.min(i, ANSWERS.size() - 1)) + "\"}");
                    JsonNode end = ws.await(type("agent-end"), 10);
                    assertThat(end.path("turn").asInt()).isEqualTo(i + 1);
                    done = end.path("last").asBoolean();
                }
                assertThat(done).as("the interviewer wrapped up").isTrue();
                ws.await(type("done"), 5);
            }
            JsonNode info = s.json("GET", "/api/sessions/" + session[0], null);
            assertThat(info.path("session").path("status").asText()).isEqualTo("completed");
            JsonNode state = s.json("GET", "/api/sessions/" + session[0] + "/state", null);
            assertThat(state.path("coverage")).hasSize(2);
            assertThat(state.path("turns").size()).isGreaterThan(1);
            JsonNode transcript = s.json("GET", "/api/sessions/" + session[0] + "/transcript", null);
            assertThat(transcript.path("turns").get(1).path("text").asText()).isEqualTo(ANSWERS.getFirst());
        }
    }
}
