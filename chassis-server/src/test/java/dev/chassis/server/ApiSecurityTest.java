package dev.chassis.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every researcher route refuses a missing, wrong or participant token; participant links open their own session only. */
class ApiSecurityTest {

    @TempDir
    static Path dir;
    static TestServer s;
    static String study;
    static String[] a;
    static String[] b;

    @BeforeAll
    static void start() {
        s = TestServer.start(dir);
        study = s.shortStudy();
        a = s.newSession(study);
        b = s.newSession(study);
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    /** Every researcher route, with ids that exist. */
    static List<String[]> researcherRoutes() {
        return List.of(new String[] {"GET", "/api/examples"}, new String[] {"GET", "/api/studies"}, new String[] {"POST", "/api/studies"},
                new String[] {"GET", "/api/studies/{study}"}, new String[] {"POST", "/api/studies/{study}/sessions"},
                new String[] {"GET", "/api/studies/{study}/report"}, new String[] {"POST", "/api/studies/{study}/report/ticket"},
                new String[] {"GET", "/api/sessions"}, new String[] {"GET", "/api/sessions/{a}"}, new String[] {"GET", "/api/sessions/{a}/transcript"},
                new String[] {"GET", "/api/sessions/{a}/state"}, new String[] {"GET", "/api/runs"}, new String[] {"POST", "/api/runs"},
                new String[] {"GET", "/api/runs/r1"}, new String[] {"POST", "/api/runs/r1/approve"}, new String[] {"POST", "/api/runs/r1/reject"},
                new String[] {"POST", "/api/runs/r1/resume"}, new String[] {"GET", "/api/runs/r1/report"},
                new String[] {"GET", "/api/openapi.json"}, new String[] {"GET", "/metrics"}, new String[] {"GET", "/api/nothing-here"});
    }

    private static String path(String template) {
        return template.replace("{study}", study).replace("{a}", a[0]);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("researcherRoutes")
    void a_researcher_route_without_a_token_is_401(String method, String route) {
        HttpResponse<String> r = s.send(method, path(route), "{}", Map.of("Content-Type", "application/json"));
        assertError(r, 401, "unauthorized");
        assertThat(r.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("researcherRoutes")
    void a_researcher_route_with_a_wrong_token_is_401(String method, String route) {
        HttpResponse<String> r = s.send(method, path(route), "{}", Map.of("Authorization", "Bearer chr_not-the-token", "Content-Type", "application/json"));
        assertError(r, 401, "unauthorized");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("researcherRoutes")
    void a_researcher_route_with_a_participant_token_is_403(String method, String route) {
        HttpResponse<String> r = s.send(method, path(route), "{}", Map.of("Authorization", "Bearer " + a[1], "Content-Type", "application/json"));
        assertError(r, 403, "forbidden");
        assertThat(r.body()).contains("a participant link opens its own interview only");
    }

    /** Spellings of protected paths that no route serves; each must still need the token (and then be 404). */
    static List<String> variants() {
        return List.of("/metrics/", "/METRICS", "/Metrics", "//metrics", "/metrics//", "/metrics%2F", "/metrics;x", "/metrics/x", "/api/studies/",
                "/API/studies", "/api//studies", "/health/", "/health/x", "/p/{a}/x", "/api/p/{a}/", "/assets/x/y", "/reports/x/y", "/nothing");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void a_path_is_matched_exactly_and_a_variant_spelling_needs_the_token(String route) {
        String path = route.replace("{a}", a[1]);
        HttpResponse<String> anonymous = s.send("GET", path, null, Map.of());
        assertThat(anonymous.statusCode()).as(path + " " + anonymous.body()).isIn(400, 401);
        // an error may name the path, and the participant token in it is random base64url that can hold "jvm_" itself
        assertThat(anonymous.body().replace(a[1], "")).doesNotContain("jvm_").doesNotContain("chassis_turn");
        HttpResponse<String> researcher = s.call("GET", path, null);
        assertThat(researcher.statusCode()).as(path).isIn(400, 404);
        assertThat(researcher.body().replace(a[1], "")).doesNotContain("jvm_");
    }

    @Test
    void the_metrics_need_the_token_and_are_served_at_one_path() {
        assertError(s.send("GET", "/metrics", null, Map.of()), 401, "unauthorized");
        HttpResponse<String> metrics = s.call("GET", "/metrics", null);
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("chassis_sessions_live");
    }

    @Test
    void a_participant_link_opens_its_own_session_only() {
        JsonNode own = TestServer.read(s.send("GET", "/api/p/" + a[1], null, Map.of()).body());
        assertThat(own.path("session").asText()).isEqualTo(a[0]);
        assertThat(own.toString()).doesNotContain(b[0]).doesNotContain("objectives");
    }

    @Test
    void a_token_altered_to_name_another_session_is_refused_on_every_participant_route() {
        String forged = b[0] + a[1].substring(a[1].indexOf('.'));
        for (String route : List.of("/api/p/", "/p/")) {
            assertError(s.send("GET", route + forged, null, Map.of()), 401, "unauthorized");
            assertError(s.send("GET", route + "garbage", null, Map.of()), 401, "unauthorized");
        }
        HttpResponse<String> ws = s.send("GET", "/ws/p/" + forged, null, Map.of());
        assertError(ws, 401, "unauthorized");
    }

    @Test
    void a_forged_websocket_upgrade_is_refused_before_the_upgrade() {
        String forged = b[0] + a[1].substring(a[1].indexOf('.'));
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> new WsClient(s.base(), forged))).isNotNull();
    }

    @Test
    void a_report_ticket_for_one_study_does_not_open_another_and_a_bad_one_is_401() {
        String url = s.json("POST", "/api/studies/" + study + "/report/ticket", null).path("url").asText();
        String other = s.shortStudy();
        assertError(s.send("GET", url.replace("/reports/" + study, "/reports/" + other), null, Map.of()), 401, "unauthorized");
        assertError(s.send("GET", "/reports/" + study + "?ticket=99999999999.abc", null, Map.of()), 401, "unauthorized");
    }

    @Test
    void the_public_paths_hold_no_data_and_need_no_token() {
        String health = s.send("GET", "/health", null, Map.of()).body();
        assertThat(health).startsWith("{\"status\":\"up\",\"checks\":{\"store\":{\"status\":\"up\",\"since\":")
                .doesNotContain(study).doesNotContain("detail").doesNotContain(s.dir.toString());
        HttpResponse<String> console = s.send("GET", "/", null, Map.of());
        assertThat(console.statusCode()).isEqualTo(200);
        assertThat(console.body()).doesNotContain(study);
        assertThat(console.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
    }

    @Test
    void only_the_hash_of_the_researcher_token_is_stored_readable_by_its_owner_only() throws Exception {
        Path file = dir.resolve("researcher-token.sha256");
        assertThat(Files.readString(file)).doesNotContain(s.token).matches("[0-9a-f]{64}\\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("participant-links.keys")))).isEqualTo("rw-------");
    }

    @Test
    void a_participant_link_over_its_rate_gets_429() {
        String[] c = s.newSession(study);
        int status = 0;
        for (int i = 0; i < 200 && status != 429; i++) {
            status = s.send("GET", "/api/p/" + c[1], null, Map.of()).statusCode();
        }
        assertThat(status).isEqualTo(429);
        assertThat(s.send("GET", "/api/p/" + a[1], null, Map.of()).statusCode()).as("other links are not affected").isEqualTo(200);
    }

    @Test
    void an_address_that_keeps_failing_to_authenticate_gets_429(@TempDir Path other) {
        try (TestServer strict = TestServer.start(TestServer.config(other).withFailedAuthPerMinute(5), null)) {
            int status = 0;
            for (int i = 0; i < 10 && status != 429; i++) {
                status = strict.send("GET", "/api/studies", null, java.util.Map.of("Authorization", "Bearer guess-" + i)).statusCode();
            }
            assertThat(status).isEqualTo(429);
        }
    }

    static void assertError(HttpResponse<String> r, int status, String code) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        JsonNode body = TestServer.read(r.body());
        assertThat(body.path("error").asText()).isEqualTo(code);
        assertThat(body.path("status").asInt()).isEqualTo(status);
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain(".java:");
    }
}
