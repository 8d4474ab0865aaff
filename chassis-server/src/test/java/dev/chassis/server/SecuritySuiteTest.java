package dev.chassis.server;

import static dev.chassis.server.ApiSecurityTest.assertError;
import static dev.chassis.server.WsClient.type;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chassis.server.auth.ParticipantTokens;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The security suite: every participant route over HTTP and WebSocket with no token, another session's token, and
 * expired, forged, tampered and wrong-purpose tokens; every researcher route with each of them as a bearer token;
 * report tickets likewise; oversized bodies and messages; and a scan of everything the server logged meanwhile for
 * the tokens it handed out. (Traversal on every id and path: {@link PathSafetyTest}; every researcher route without a
 * token: {@link ApiSecurityTest}.)
 */
class SecuritySuiteTest {

    @TempDir
    static Path dir;
    static TestServer s;
    static String study;
    static String[] a;
    static String[] b;
    static final Map<String, String> BAD = new LinkedHashMap<>();
    static final ByteArrayOutputStream LOG = new ByteArrayOutputStream();
    static PrintStream err;

    @BeforeAll
    static void start() {
        err = System.err;
        System.setErr(new PrintStream(new TeeStream(err, LOG), true, StandardCharsets.UTF_8));   // the server logs to stderr
        s = TestServer.start(TestServer.config(dir).withParticipantPerMinute(100_000), null);
        study = s.shortStudy();
        a = s.newSession(study);
        b = s.newSession(study);
        Path keys = dir.resolve("participant-links.keys");
        Clock past = Clock.fixed(Instant.now().minus(Duration.ofDays(40)), ZoneOffset.UTC);
        BAD.put("expired", ParticipantTokens.loadOrCreate(keys, Duration.ofDays(14), false, past).sign(a[0]));
        BAD.put("forged with another key", ParticipantTokens.loadOrCreate(dir.resolve("other.keys"), Duration.ofDays(14), false,
                Clock.systemUTC()).sign(a[0]).replaceFirst("^[^.]+", header(a[1])));
        BAD.put("tampered to name another session", tampered(a[1], b[0]));
        BAD.put("signature of another token", a[1].substring(0, a[1].lastIndexOf('.')) + b[1].substring(b[1].lastIndexOf('.')));
        BAD.put("alg none", unsigned(a[1]));
        BAD.put("truncated", a[1].substring(0, a[1].length() - 5));
        BAD.put("report ticket", s.json("POST", "/api/studies/" + study + "/report/ticket", null).path("url").asText().replaceAll(".*ticket=", ""));
        BAD.put("researcher token", s.token);
        BAD.put("garbage", "not-a-token");
    }

    @AfterAll
    static void stop() {
        s.close();
        System.setErr(err);
    }

    static List<String> bad() {
        return new ArrayList<>(BAD.keySet());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bad")
    void a_bad_participant_token_opens_nothing_over_http_or_websocket(String kind) {
        String t = BAD.get(kind);
        assertError(s.send("GET", "/api/p/" + t, null, Map.of()), 401, "unauthorized");
        assertError(s.send("GET", "/p/" + t, null, Map.of()), 401, "unauthorized");
        assertError(s.send("GET", "/ws/p/" + t, null, Map.of()), 401, "unauthorized");
        assertThat(catchThrowable(() -> new WsClient(s.base(), t).close())).as("the upgrade is refused").isNotNull();
    }

    /** Every researcher route with every bad token except the researcher's own (the one genuine bearer token). */
    static List<org.junit.jupiter.params.provider.Arguments> badBearers() {
        List<org.junit.jupiter.params.provider.Arguments> out = new ArrayList<>();
        for (String kind : BAD.keySet()) {
            if (!kind.equals("researcher token")) {
                for (String[] route : ApiSecurityTest.researcherRoutes()) {
                    out.add(org.junit.jupiter.params.provider.Arguments.of(kind, route[0], route[1]));
                }
            }
        }
        return out;
    }

    @ParameterizedTest(name = "{0}: {1} {2}")
    @MethodSource("badBearers")
    void a_bad_token_is_no_researcher_token_on_any_route(String kind, String method, String route) {
        String path = route.replace("{study}", study).replace("{a}", a[0]);
        HttpResponse<String> r = s.send(method, path, "{}", Map.of("Authorization", "Bearer " + BAD.get(kind), "Content-Type", "application/json"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(401);
        assertThat(r.body()).doesNotContain(a[0]).doesNotContain(study);
    }

    @Test
    void another_sessions_token_opens_that_session_only() throws Exception {
        JsonNode own = TestServer.read(s.send("GET", "/api/p/" + b[1], null, Map.of()).body());
        assertThat(own.path("session").asText()).isEqualTo(b[0]);
        try (WsClient ws = new WsClient(s.base(), b[1])) {
            assertThat(ws.await(type("hello"), 60).path("session").asText()).isEqualTo(b[0]);
        }
        assertError(s.send("GET", "/api/sessions/" + a[0], null, Map.of("Authorization", "Bearer " + b[1])), 403, "forbidden");
    }

    @Test
    void a_report_ticket_opens_its_report_view_only_and_not_once_expired_or_altered() {
        String ticket = BAD.get("report ticket");
        String other = s.shortStudy();
        assertError(s.send("GET", "/reports/" + other + "?ticket=" + ticket, null, Map.of()), 401, "unauthorized");
        assertError(s.send("GET", "/reports/" + study + "?ticket=" + a[1], null, Map.of()), 401, "unauthorized");
        assertError(s.send("GET", "/reports/" + study + "?ticket=" + tampered(ticket, other), null, Map.of()), 401, "unauthorized");
        Path keys = dir.resolve("participant-links.keys");
        String old = ParticipantTokens.loadOrCreate(keys, Duration.ofDays(14), false, Clock.systemUTC()).ticket(study, Instant.now().minusSeconds(60));
        assertError(s.send("GET", "/reports/" + study + "?ticket=" + old, null, Map.of()), 401, "unauthorized");
    }

    @Test
    void oversized_bodies_and_messages_are_refused() throws Exception {
        assertError(s.call("POST", "/api/studies", "{\"guideYaml\": \"" + "x".repeat(300_000) + "\"}"), 413, "too_large");
        assertError(s.send("POST", "/api/studies/" + study + "/sessions", "x".repeat(300_000),
                Map.of("Authorization", "Bearer " + s.token, "Content-Type", "application/json")), 413, "too_large");
        try (WsClient ws = new WsClient(s.base(), a[1])) {
            ws.await(type("hello"), 60);
            ws.send("{\"type\":\"say\",\"text\":\"" + "y".repeat(40_000) + "\"}");
            assertThat(ws.closedWith.get(5, java.util.concurrent.TimeUnit.SECONDS)).as("message too big").isEqualTo(1009);
        }
    }

    @Test
    void nothing_the_server_logged_holds_a_token_it_handed_out() throws Exception {
        // provoke what gets logged: failed authentications, refused upgrades, an interview, errors
        for (String t : BAD.values()) {
            s.send("GET", "/api/p/" + t, null, Map.of());
        }
        try (WsClient ws = new WsClient(s.base(), a[1])) {
            ws.await(type("hello"), 60);
            ws.send("{\"type\":\"start\"}");
            ws.await(type("agent-end"), 60);
            ws.send("{\"type\":\"say\",\"text\":\"I make coffee by hand every morning.\"}");
            ws.await(type("agent-end"), 60);
        }
        String logged = LOG.toString(StandardCharsets.UTF_8);
        List<String> secrets = new ArrayList<>(List.of(s.token, a[1], b[1]));
        secrets.addAll(BAD.values());
        for (String secret : secrets) {
            if (secret.length() > 20) {
                assertThat(logged).as("the log holds a token").doesNotContain(secret);
            }
        }
        assertThat(SECRET.matcher(logged).find()).as("the log holds something shaped like a secret").isFalse();
    }

    /** What .ci/scan-secrets looks for too: researcher tokens, signed tokens, and provider API keys. */
    static final Pattern SECRET = Pattern.compile("chr_[A-Za-z0-9_-]{30,}|eyJ[A-Za-z0-9_-]{10,}\\.eyJ[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]{20,}"
            + "|sk-[A-Za-z0-9_-]{20,}|AIza[0-9A-Za-z_-]{30,}");

    /** A token's payload changed to name {@code subject}, its signature kept. */
    static String tampered(String token, String subject) {
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replaceAll("\"sub\":\"[^\"]*\"", "\"sub\":\"" + subject + "\"");
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    }

    /** The same claims with {@code "alg":"none"} and no signature. */
    static String unsigned(String token) {
        String[] parts = token.split("\\.");
        String none = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));
        return none + "." + parts[1] + ".";
    }

    static String header(String token) {
        return token.substring(0, token.indexOf('.'));
    }

    /** Writes to two streams. */
    static final class TeeStream extends java.io.OutputStream {
        private final java.io.OutputStream one;
        private final java.io.OutputStream two;

        TeeStream(java.io.OutputStream one, java.io.OutputStream two) {
            this.one = one;
            this.two = two;
        }

        @Override
        public synchronized void write(int c) throws java.io.IOException {
            one.write(c);
            two.write(c);
        }

        @Override
        public synchronized void write(byte[] bytes, int off, int len) throws java.io.IOException {
            one.write(bytes, off, len);
            two.write(bytes, off, len);
        }
    }
}
