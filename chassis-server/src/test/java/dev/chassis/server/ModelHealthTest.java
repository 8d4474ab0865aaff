package dev.chassis.server;

import static dev.chassis.server.WsClient.type;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chassis.server.http.Json;
import dev.chassis.testkit.server.Fault;
import dev.chassis.testkit.server.Latency;
import dev.chassis.testkit.server.ScriptedReply;
import dev.chassis.testkit.server.SimulatedModelServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A failing model is visible on the server (issue 11.5): while its calls fail, {@code /health} is degraded with the reason
 * in plain words, the metrics say so and count the turns the fallback answered, the participant is still answered; once
 * the model answers again, {@code /health} is up; the session's view in the console lists both.
 */
class ModelHealthTest {

    @Test
    void a_failing_model_degrades_health_with_the_reason_and_recovers(@TempDir Path dir) throws Exception {
        try (SimulatedModelServer model = SimulatedModelServer.builder().timeToFirstToken(Latency.fixed(Duration.ofMillis(20)))
                .script(ScriptedReply.fault(Fault.SERVER_ERROR), ScriptedReply.fault(Fault.SERVER_ERROR)).start();
             TestServer s = TestServer.start(TestServer.config(dir).withModel(model.modelString()), null)) {
            assertThat(health(s).path("status").asText()).isEqualTo("up");
            String[] session = s.newSession(s.shortStudy());
            try (WsClient ws = new WsClient(s.base(), session[1])) {
                ws.await(type("hello"), 60);
                ws.send("{\"type\":\"start\"}");
                ws.await(type("agent-end"), 60);
                int turn = 0;
                while (model.stats().faults().getOrDefault(Fault.SERVER_ERROR, 0L) == 0 && turn < 3) {
                    answer(ws, ++turn);
                }
                assertThat(model.stats().faults()).as("the model failed a call").containsKey(Fault.SERVER_ERROR);

                HttpResponse<String> degraded = s.send("GET", "/health", null, Map.of());
                assertThat(degraded.statusCode()).as("degraded is not down: the server still answers").isEqualTo(200);
                JsonNode h = TestServer.read(degraded.body());
                assertThat(h.path("status").asText()).isEqualTo("degraded");
                assertThat(h.path("checks").path("model").path("problem").asText())
                        .isEqualTo("the model's last call failed; interviews answer from the offline engine when it fails");
                assertThat(s.json("GET", "/api/health", null).path("checks").path("model").path("detail").asText())
                        .contains("server error 500");
                String metrics = s.send("GET", "/metrics", null, Map.of("Authorization", "Bearer " + s.token)).body();
                assertThat(metrics).contains("chassis_health{check=\"model\"} 1.0").containsPattern("chassis_model_fallbacks_total \\d");
                assertThat(metrics).doesNotContain("chassis_model_fallbacks_total 0.0");

                for (int i = 0; i < 4 && !health(s).path("status").asText().equals("up"); i++) {
                    answer(ws, ++turn);   // the script's faults run out: the model answers again
                }
                assertThat(health(s).path("status").asText()).isEqualTo("up");
                assertThat(health(s).path("checks").path("model").has("problem")).isFalse();

                JsonNode notes = s.json("GET", "/api/sessions/" + session[0] + "/state", null).path("health");
                assertThat(notes.findValuesAsText("kind")).as("the console's session view says when the model failed and recovered")
                        .contains("model-failed", "model-recovered");
                assertThat(notes.get(0).path("text").asText()).contains("server error 500").doesNotContain("Exception");
            }
        }
    }

    private static void answer(WsClient ws, int turn) throws InterruptedException {
        ws.send(Json.write(Map.of("type", "say", "text", LiveInterviewTest.ANSWERS.get(turn % LiveInterviewTest.ANSWERS.size()))));
        JsonNode end = ws.await(m -> m.path("type").asText().equals("agent-end") && m.path("turn").asInt() == turn, 15);
        assertThat(end.path("text").asText()).as("turn %d is answered", turn).isNotBlank();
    }

    private static JsonNode health(TestServer s) {
        return TestServer.read(s.send("GET", "/health", null, Map.of()).body());
    }
}
