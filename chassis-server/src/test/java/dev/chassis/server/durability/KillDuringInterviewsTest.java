package dev.chassis.server.durability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chassis.server.http.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills {@code chassis serve} (a child JVM) with SIGKILL at random points of live interviews, restarts it on
 * the same data, and checks that every turn the participant saw confirmed (the reply's end message arrived)
 * is still there, answer and reply, and that a confirmed wrap-up is never followed by another. Seeded: the
 * seed is printed, and {@code -Dchassis.durability.seed=N} repeats a run; {@code -Dchassis.durability.kills=N} sets the
 * kills per store (docs/RELIABILITY.md has the full run's command and figures).
 */
class KillDuringInterviewsTest {

    private static final Path REPO = Path.of(System.getProperty("chassis.repo.dir", ".."));
    /** Five kills per store in a build (about a minute each); {@code -Dchassis.durability.kills=25} is the full run. */
    private static final int KILLS_PER_STORE = Integer.getInteger("chassis.durability.kills", 5);
    private static final int LIVE_INTERVIEWS = 3;

    @Test
    void no_confirmed_turn_is_lost_when_the_server_is_killed_on_embedded_h2(@TempDir Path dir) throws Exception {
        killAndCheck(dir, "h2");
    }

    @Test
    void no_confirmed_turn_is_lost_when_the_server_is_killed_on_postgresql(@TempDir Path dir) throws Exception {
        String pg = System.getenv("CHASSIS_TEST_PG_URL");
        Assumptions.assumeTrue(pg != null && !pg.isBlank(),
                "PostgreSQL kill test skipped: set CHASSIS_TEST_PG_URL (e.g. jdbc:postgresql://127.0.0.1:55432/chassis?user=postgres)");
        killAndCheck(dir, pg);
    }

    private static void killAndCheck(Path dir, String database) throws Exception {
        long seed = Long.getLong("chassis.durability.seed", System.nanoTime());
        String store = database.equals("h2") ? "h2" : "postgresql";
        System.out.println("KillDuringInterviewsTest " + store + ": seed " + seed + " (repeat with -Dchassis.durability.seed=" + seed + ")");
        Random random = new Random(seed);
        Path data = dir.resolve("data");
        ServerProcess.Launcher launcher = ServerProcess.Launcher.prepare(REPO.resolve("examples"));
        launcher.recordClasses(data, database);
        String guide = Files.readString(Path.of("src/test/resources/short-guide.yaml"))
                .replace("study: short-test", "study: durability-" + UUID.randomUUID().toString().substring(0, 8));
        List<Participant> everyone = new ArrayList<>();
        AtomicInteger confirmations = new AtomicInteger();
        ServerProcess server = ServerProcess.start(launcher, data, database);
        String study = post(server, "/api/studies", Json.write(Map.of("guideYaml", guide, "source", "durability.yaml")))
                .path("study").path("id").asText();
        List<String> killedAt = new ArrayList<>();
        for (int kill = 0; kill < KILLS_PER_STORE; kill++) {
            long live = everyone.stream().filter(p -> !p.finished && !p.wrappedUp).count();
            for (long n = live; n < LIVE_INTERVIEWS; n++) {
                JsonNode created = post(server, "/api/studies/" + study + "/sessions", "{}");
                everyone.add(new Participant(created.path("session").path("id").asText(), created.path("token").asText(), random.nextLong(),
                        confirmations));
            }
            // The kill comes a random number of confirmations into the cycle, then a random moment later: right after a
            // confirmation, inside the next reply, between a wrap-up and its completion, wherever the load puts it.
            int after = confirmations.get() + 1 + random.nextInt(5);
            int delayMs = random.nextInt(150);
            for (Participant p : everyone) {
                if (p.active()) {
                    p.connect(server.base);
                }
            }
            long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (confirmations.get() < after && System.nanoTime() < until) {
                Thread.sleep(2);
            }
            Thread.sleep(delayMs);
            server.kill();
            killedAt.add(String.valueOf(delayMs));
            everyone.forEach(Participant::drop);
            server = ServerProcess.start(launcher, data, database);
        }
        // After the last kill: every participant reconnects once more, and each checks what it was confirmed.
        for (Participant p : everyone) {
            p.connect(server.base);
        }
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (everyone.stream().anyMatch(p -> !p.checked || (p.wrappedUp && !p.refusedAfterEnd)) && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        server.kill();
        int turns = everyone.stream().mapToInt(p -> p.confirmed.size()).sum();
        long wrapUps = everyone.stream().filter(p -> p.wrappedUp).count();
        List<String> problems = new ArrayList<>();
        for (Participant p : everyone) {
            p.problems.forEach(x -> problems.add(p.sessionId + ": " + x));
            if (!p.checked) {
                problems.add(p.sessionId + ": never checked after the last restart");
            } else if (p.verified() != p.confirmed.size()) {
                problems.add(p.sessionId + ": " + p.verified() + " of " + p.confirmed.size() + " confirmed turns found");
            }
            if (p.wrappedUp && !p.refusedAfterEnd) {
                problems.add(p.sessionId + ": an answer after the confirmed wrap-up was not refused");
            }
        }
        System.out.printf("KillDuringInterviewsTest %s: %d kills (ms after a confirmation: %s), %d interviews, %d confirmed turns, %d confirmed wrap-ups, %d problems%n",
                store, killedAt.size(), killedAt, everyone.size(), turns, wrapUps, problems.size());
        assertThat(problems).as("seed %d", seed).isEmpty();
        assertThat(turns).as("confirmed turns before the kills").isGreaterThan(KILLS_PER_STORE * 2);
        assertThat(wrapUps).as("interviews wrapped up").isPositive();
    }

    private static JsonNode post(ServerProcess server, String path, String body) throws IOException, InterruptedException {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.base + path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + server.token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("POST %s: %s", path, r.body()).isLessThan(300);
        return Json.MAPPER.readTree(r.body());
    }
}
