package dev.chassis.server;

import static dev.chassis.server.WsClient.type;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chassis.models.ModelFactory;
import dev.chassis.talk.judge.ModelJudges;
import dev.chassis.testkit.server.ScriptedJudges;
import dev.chassis.testkit.server.ScriptedReply;
import dev.chassis.testkit.server.SimulatedModelServer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code chassis serve --monitor-model} (issue 13.8 on the server): the interviews' monitors also ask a model beside each turn.
 * Against the simulated model server, a scripted emotion judgment lands as the session's signal, while the coverage judge,
 * which fails, leaves the lexical coverage standing; both questions are counted by outcome in {@code /metrics}.
 */
class MonitorJudgesServeTest {

    private static final String LOSS = "We buried my grandmother that month, so the new rollout was the last thing on my mind.";
    private static final Duration WAIT = Duration.ofSeconds(90);

    @Test
    void a_scripted_judgment_lands_as_a_signal_and_a_failing_judge_leaves_the_lexical_tier_counted(@TempDir Path dir) throws Exception {
        // Emotion is scripted; coverage is not, so its judge gets a server error (the lexical coverage stands).
        ScriptedJudges judges = ScriptedJudges.otherwise(r -> ScriptedReply.text("Thank you.")).judge("emotion", ScriptedReply.text(
                "{\"moment\": true, \"valence\": -0.8, \"intensity\": 0.8, \"quote\": \"We buried my grandmother that month\"}"));
        try (SimulatedModelServer models = SimulatedModelServer.builder().otherwise(judges).start()) {
            ModelJudges monitors = ModelJudges.of(ModelFactory.withEnvironment(name -> null).create(models.modelString()))
                    .without(ModelJudges.Kind.CONTRADICTION).withBudget(ModelJudges.Kind.EMOTION, Duration.ofSeconds(20))
                    .withBudget(ModelJudges.Kind.COVERAGE, Duration.ofSeconds(20));
            try (TestServer s = TestServer.start(TestServer.config(dir).withMonitorJudges(monitors), null)) {
                String[] session = s.newSession(s.shortStudy());
                try (WsClient ws = new WsClient(s.base(), session[1])) {
                    ws.await(type("hello"), 60);
                    ws.send("{\"type\":\"start\"}");
                    ws.await(type("agent-end"), 60);
                    ws.send("{\"type\":\"say\",\"text\":\"" + LOSS + "\"}");
                    ws.await(type("agent-end"), 60);
                }
                String state = "/api/sessions/" + session[0] + "/state";
                JsonNode emotion = until(() -> signal(s.json("GET", state, null), "emotion", "EmotionNoted"));
                assertThat(emotion.path("turn").asInt()).isEqualTo(1);
                assertThat(emotion.path("text").asText()).contains("We buried my grandmother that month");
                assertThat(until(() -> signal(s.json("GET", state, null), "coverage", "CoverageChanged")))
                        .as("the lexical coverage stands beside its failed judge").isNotNull();
                String counted = until(() -> {
                    String metrics = s.call("GET", "/metrics", null).body();
                    return line(metrics, "emotion", "answered") != null && line(metrics, "coverage", "failed") != null ? metrics : null;
                });
                assertThat(line(counted, "emotion", "answered")).endsWith(" 1.0");
                assertThat(judges.asked("emotion")).isEqualTo(1);
                assertThat(judges.asked("coverage")).isGreaterThanOrEqualTo(1);
            }
        }
    }

    /** The first signal of {@code type} raised by {@code monitor}, or null. */
    private static JsonNode signal(JsonNode state, String monitor, String type) {
        for (JsonNode sig : state.path("signals")) {
            if (sig.path("monitor").asText().equals(monitor) && sig.path("type").asText().equals(type)) {
                return sig;
            }
        }
        return null;
    }

    /** The Prometheus sample line counting {@code monitor}'s judge questions with {@code outcome}, or null. */
    private static String line(String metrics, String monitor, String outcome) {
        return metrics.lines().filter(l -> l.startsWith("chassis_monitor_judge_total{") && l.contains("monitor=\"" + monitor + "\"")
                && l.contains("outcome=\"" + outcome + "\"")).findFirst().orElse(null);
    }

    /** Polls until {@code probe} gives something (the judges answer beside the turn, on a loaded machine), within a generous deadline. */
    private static <T> T until(Supplier<T> probe) throws InterruptedException {
        Instant end = Instant.now().plus(WAIT);
        while (true) {
            T value = probe.get();
            if (value != null || Instant.now().isAfter(end)) {
                return value;
            }
            Thread.sleep(100);
        }
    }
}
