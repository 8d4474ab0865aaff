package dev.chassis.bench.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chassis.server.ChassisServer;
import dev.chassis.server.ServerConfig;
import dev.chassis.testkit.speech.Speech;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The voice drivers' server: {@code chassis serve} in process on a fresh data folder with the offline interviewer, warmed up
 * as {@code chassis serve} warms it (unless {@code -Dchassis.bench.cold=true}), one study of the English example guide, and
 * the participants' spoken answers (espeak-ng).
 */
record VoiceBenchServer(ChassisServer server, HttpClient http, String base, String token, String study) implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> ANSWERS = List.of("I like coffee.", "I go to work by train.", "No, I do not think so.",
            "I walk to work in the morning.", "That is all.");

    static VoiceBenchServer start() throws Exception {
        Path data = Files.createTempDirectory("chassis-voice-bench");
        Path guide = Path.of(System.getProperty("chassis.repo.dir", ".")).resolve("examples/guides/onboarding-en.yaml");
        ChassisServer server = ChassisServer.start(ServerConfig.defaults(data).withPort(0).withParticipantPerMinute(100_000));
        try {
            if (!Boolean.getBoolean("chassis.bench.cold")) {
                server.warmUpInBackground().join();
                System.out.println("voice path warmed up: " + server.warmUpVoiceInBackground().join());
            }
            String token = server.newResearcherToken().orElseThrow();
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + server.port();
            String study = post(http, base + "/api/studies", token, Map.of("guideYaml", Files.readString(guide), "source", "onboarding-en.yaml"))
                    .path("study").path("id").asText();
            return new VoiceBenchServer(server, http, base, token, study);
        } catch (Exception | Error e) {
            server.close();
            throw e;
        }
    }

    /** The participants' answers, spoken by espeak-ng at 16 kHz. */
    static List<short[]> answers() {
        List<short[]> speech = new ArrayList<>();
        for (String a : ANSWERS) {
            speech.add(Speech.synthesise(a, "en-us+f2", 150, 50));
        }
        return speech;
    }

    /** A new session's participant link token. */
    String newLink() throws Exception {
        return newSession().link();
    }

    /** A new session: its id and its participant link token. */
    Link newSession() throws Exception {
        JsonNode created = post(http, base + "/api/studies/" + study + "/sessions", token, Map.of());
        return new Link(created.path("session").path("id").asText(), created.path("token").asText());
    }

    /** A session and the token of its participant link. */
    record Link(String session, String link) { }

    /** The console's audio timings of a session's spoken turns ({@code voice.turns} of its state), empty when none. */
    JsonNode voiceTurns(String session) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/sessions/" + session + "/state"))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new IllegalStateException("session state -> " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body()).path("voice").path("turns");
    }

    /** A participant's socket on {@code link} that said it will speak and started the interview. */
    WebSocket spoken(String link, VoiceListener heard) {
        WebSocket ws = http.newWebSocketBuilder().buildAsync(URI.create(base.replace("http", "ws") + "/ws/p/" + link), heard).join();
        ws.sendText("{\"type\":\"voice\"}", true).join();
        ws.sendText("{\"type\":\"start\"}", true).join();
        return ws;
    }

    @Override
    public void close() {
        server.close();
    }

    private static JsonNode post(HttpClient http, String url, String token, Object body) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new IllegalStateException(url + " -> " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body());
    }
}
