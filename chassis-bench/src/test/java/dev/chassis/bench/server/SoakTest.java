package dev.chassis.bench.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chassis.server.ChassisServer;
import dev.chassis.server.ServerConfig;
import dev.chassis.server.live.Interviews;
import dev.chassis.testkit.server.Latency;
import dev.chassis.testkit.server.SimulatedModelServer;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The soak of issue 11.9, shortened for every build: 30 interviews at once for 25 seconds on the real model path,
 * half of the participants leaving mid-interview; no errors, and every session released within seconds of its
 * participant going, none left live. The ten-minute run with a thousand is {@link SoakDriver} (docs/RELIABILITY.md).
 */
class SoakTest {

    private static final Path REPO = Path.of(System.getProperty("chassis.repo.dir", ".."));

    @Test
    void thirty_interviews_for_25_seconds_end_without_errors_and_every_left_session_is_released(@TempDir Path dir) throws Exception {
        try (SimulatedModelServer model = SimulatedModelServer.builder().keepRequests(0).timeToFirstToken(Latency.fixed(Duration.ofMillis(30)))
                .tokensPerSecond(400).start();
             ChassisServer server = ChassisServer.start(ServerConfig.defaults(dir).withPort(0).withModel(model.modelString()))) {
            Soak.Target target = new Soak.Target("http://127.0.0.1:" + server.port(), server.newResearcherToken().orElseThrow());

            Soak.Result r = Soak.run(target, REPO.resolve("examples/guides/onboarding-en.yaml"),
                    new Soak.Settings(30, Duration.ofSeconds(25), Duration.ofMillis(400), 0.5, Duration.ofSeconds(2)),
                    s -> System.out.printf("soak %d s: connected %d, server sessions %d, turns %d, errors %d%n", s.at().toSeconds(),
                            s.connected(), s.live(), s.turns(), s.errors()));
            System.out.printf("soak: %d sessions, %d answers, %d completed, %d left, released after %s%n", r.started(), r.turns(),
                    r.completed(), r.left(), r.release());

            assertThat(r.errorSamples()).isEmpty();
            assertThat(r.errors()).isZero();
            assertThat(r.turns()).as("replies heard").isGreaterThan(30);
            assertThat(r.left()).as("participants who left mid-interview").isPositive();
            assertThat(r.release()).as("every session released after all participants dropped")
                    .hasValueSatisfying(d -> assertThat(d).isLessThan(Interviews.RELEASE_AFTER.plusSeconds(10)));
            HttpClient http = HttpClient.newHttpClient();
            for (String id : r.sessionIds()) {
                JsonNode session = Soak.get(http, target, "/api/sessions/" + id).path("session");
                assertThat(session.path("status").asText()).as("session %s", id).isNotEqualTo("live");
            }
        }
    }
}
