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
                JsonNode hello = ws.await(type("hello"), 60);
                assertThat(hello.path("started").asBoolean()).isFalse();
                ws.send("{\"type\":\"start\"}");
                ws.await(type("token"), 60);
                JsonNode opening = ws.await(type("agent-end"), 60);
                assertThat(opening.path("turn").asInt()).isZero();
                assertThat(opening.path("text").asText()).contains("test conversation");
                boolean done = false;
                for (int i = 0; i < 30 && !done; i++) {
                    ws.send("{\"type\":\"say\",\"text\":\"" + ANSWERS.get(Math.min(i, ANSWERS.size() - 1)) + "\"}");
                    JsonNode end = ws.await(type("agent-end"), 60);
                    assertThat(end.path("turn").asInt()).isEqualTo(i + 1);
                    done = end.path("last").asBoolean();
                }
                assertThat(done).as("the interviewer wrapped up").isTrue();
                ws.await(type("done"), 60);
            }
            JsonNode info = s.json("GET", "/api/sessions/" + session[0], null);
            assertThat(info.path("session").path("status").asText()).isEqualTo("completed");
            JsonNode state = s.json("GET", "/api/sessions/" + session[0] + "/state", null);
            assertThat(state.path("coverage")).hasSize(2);
            assertThat(state.path("turns").size()).isGreaterThan(1);
            assertThat(state.path("voice").isNull()).as("a typed session has no voice view").isTrue();
            JsonNode transcript = s.json("GET", "/api/sessions/" + session[0] + "/transcript", null);
            assertThat(transcript.path("turns").get(1).path("text").asText()).isEqualTo(ANSWERS.getFirst());

            // what Prometheus scrapes after it: every turn timed, deadline misses counted, the checks up, the JVM's own
            String metrics = s.call("GET", "/metrics", null).body();
            long turns = state.path("turns").size();
            assertThat(sample(metrics, "chassis_turn_latency_seconds_count")).isGreaterThanOrEqualTo(turns - 1);
            assertThat(metrics).contains("# TYPE chassis_deadline_misses_total counter");
            assertThat(metrics).contains("chassis_health{check=\"store\"} 0.0")   // 0 is up
                    .contains("# TYPE chassis_sessions_live gauge").contains("jvm_memory_used_bytes");
            for (String name : Dashboard.metrics("chassis_")) {   // what docs/grafana-dashboard.json charts of interviews is served
                if (!name.startsWith("chassis_work_") && !name.startsWith("chassis_model_")) {   // no runs here; the offline model has no breaker
                    assertThat(metrics).as(name).contains(name);
                }
            }
        }
    }

    /** The sum of a metric's samples in Prometheus text (0 when it has none yet). */
    private static double sample(String metrics, String name) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^" + name + "(\\{[^}]*\\})? ([0-9.eE+-]+)$").matcher(metrics);
        double sum = 0;
        while (m.find()) {
            sum += Double.parseDouble(m.group(2));
        }
        return sum;
    }
}
