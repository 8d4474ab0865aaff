package dev.chassis.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chassis.server.http.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** A server on a free port in a temporary folder, with a small HTTP client that speaks its API. */
final class TestServer implements AutoCloseable {

    static final Path REPO = Path.of(System.getProperty("chassis.repo.dir", ".."));

    final ChassisServer server;
    final String token;
    final Path dir;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TestServer(ChassisServer server, String token, Path dir) {
        this.server = server;
        this.token = token;
        this.dir = dir;
    }

    static ServerConfig config(Path dir) {
        return ServerConfig.defaults(dir).withPort(0).withOfflinePacing(Duration.ofMillis(5), Duration.ofMillis(1))
                .withExamples(REPO.resolve("examples")).withFailedAuthPerMinute(10_000);
    }

    static TestServer start(Path dir) {
        return start(config(dir), null);
    }

    /** Starts on {@code config}; {@code token} is the researcher token from an earlier start in the same folder. */
    static TestServer start(ServerConfig config, String token) {
        ChassisServer s = ChassisServer.start(config);
        return new TestServer(s, s.newResearcherToken().orElse(token), config.dataDir());
    }

    /** Starts on {@code config} with a new researcher token (a database shared with earlier tests holds theirs). */
    static TestServer startWithNewToken(ServerConfig config) {
        ChassisServer s = ChassisServer.start(config, true);
        return new TestServer(s, s.newResearcherToken().orElseThrow(), config.dataDir());
    }

    String base() {
        return "http://127.0.0.1:" + server.port();
    }

    HttpResponse<String> send(String method, String path, String body, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(b::header);
        try {
            try {
                return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                // The client reused a pooled connection the server had just closed (after refusing an oversized body, for
                // one): nothing was read, so the request never reached the server; send it once more on a new connection.
                if (e.getMessage() == null || !e.getMessage().contains("received no bytes")) {
                    throw e;
                }
                return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A researcher request. */
    HttpResponse<String> call(String method, String path, String body) {
        return send(method, path, body, body == null ? Map.of("Authorization", "Bearer " + token)
                : Map.of("Authorization", "Bearer " + token, "Content-Type", "application/json"));
    }

    JsonNode json(String method, String path, String body) {
        HttpResponse<String> r = call(method, path, body);
        if (r.statusCode() >= 300) {
            throw new AssertionError(method + " " + path + " -> " + r.statusCode() + " " + r.body());
        }
        return read(r.body());
    }

    static JsonNode read(String body) {
        try {
            return Json.MAPPER.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    /** A study from the short test guide. */
    String shortStudy() {
        try {
            String yaml = Files.readString(Path.of("src/test/resources/short-guide.yaml"));
            return json("POST", "/api/studies", Json.write(Map.of("guideYaml", yaml, "source", "short-guide.yaml"))).path("study").path("id").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new session of {@code study}: its id and participant token. */
    String[] newSession(String study) {
        JsonNode created = json("POST", "/api/studies/" + study + "/sessions", "{}");
        return new String[] {created.path("session").path("id").asText(), created.path("token").asText()};
    }

    @Override
    public void close() {
        server.close();
    }
}
