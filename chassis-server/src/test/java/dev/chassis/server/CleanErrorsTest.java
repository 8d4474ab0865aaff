package dev.chassis.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chassis.core.input.InputMessages;
import dev.chassis.testkit.fuzz.Mutator;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every error is clean: JSON {@code {error, message, status}} for every status, the web server's own included
 * (414, 431, malformed paths), 415 for a body that is not declared JSON, never a 500 for bad input, and no Java
 * class or library name in any message; also over a few hundred mutated requests.
 */
class CleanErrorsTest {

    @TempDir
    static Path dir;
    static TestServer s;

    @BeforeAll
    static void start() {
        s = TestServer.start(TestServer.config(dir).withParticipantPerMinute(100_000), null);
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    @Test
    void the_web_servers_own_errors_are_json() {
        assertClean(s.send("GET", "/api/studies?q=" + "a".repeat(20_000), null, Map.of()), 414);
        assertClean(s.send("GET", "/health", null, Map.of("X-Big", "b".repeat(20_000))), 431);
        assertClean(s.call("GET", "/api/studies/a%00b", null), 400);
        assertClean(s.call("GET", "/api/nothing", null), 404);
        assertClean(s.call("DELETE", "/api/studies", null), 404, 405);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/xml", "json"})
    void a_body_that_is_not_declared_json_is_415(String type) {
        HttpResponse<String> r = s.send("POST", "/api/studies", "{\"example\": \"onboarding-en.yaml\"}",
                Map.of("Authorization", "Bearer " + s.token, "Content-Type", type));
        assertClean(r, 415);
        assertThat(message(r)).startsWith("send the body as JSON with 'Content-Type: application/json'");
    }

    @Test
    void a_body_without_a_content_type_is_415_and_json_with_a_charset_is_read() {
        assertClean(s.send("POST", "/api/studies", "{\"example\": \"onboarding-en.yaml\"}", Map.of("Authorization", "Bearer " + s.token)), 415);
        HttpResponse<String> ok = s.send("POST", "/api/studies", "{\"example\": \"onboarding-en.yaml\"}",
                Map.of("Authorization", "Bearer " + s.token, "Content-Type", "application/json; charset=utf-8"));
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(201);
    }

    @Test
    void the_three_bodies_that_were_500s_are_400s() {
        assertClean(s.call("POST", "/api/runs", "{\"studyFile\":\"\\u0000\"}"), 400);
        assertClean(s.call("POST", "/api/studies", "{\"guideYaml\": \"study: s\\ntitle: T\\nobjectives: [null]\\n\"}"), 400);
        HttpResponse<String> name = s.call("POST", "/api/studies", "{\"guideYaml\": \"study: \\\"s\\\\0\\\"\\ntitle: T\\nobjectives:\\n  - id: a\\n"
                + "    title: A\\n    questions: [Why]\\n\", \"source\": \"name\\u0000\"}");
        assertClean(name, 400);
        assertThat(message(s.call("POST", "/api/studies", "{\"guideYaml\": \"study: s\\ntitle: T\\nobjectives: [null]\\n\"}")))
                .isEqualTo("guide.yaml:3: objectives[0]: an empty item; give it a value or remove it");
    }

    @Test
    void messages_name_fields_and_kinds_of_value_never_java_types() {
        assertThat(message(s.call("POST", "/api/runs", "{\"studyFile\": \"x\", \"seed\": \"many\"}")))
                .startsWith("field 'seed' at line 1, column").endsWith("must be a whole number");
        assertThat(message(s.call("POST", "/api/studies", "[]"))).startsWith("the request body must be a JSON object");
        assertThat(message(s.call("POST", "/api/studies", "\"x\""))).startsWith("the request body must be a JSON object");
        assertThat(message(s.call("POST", "/api/runs", "{\"seed\": 99999999999999999999999}"))).contains("out of range");
        HttpResponse<String> yaml = s.call("POST", "/api/studies", "{\"guideYaml\": \"[a]: b\\n\"}");
        assertClean(yaml, 400);
    }

    @Test
    void three_hundred_mutated_requests_get_clean_answers() {
        List<String> paths = List.of("/api/studies", "/api/runs", "/api/studies/short-test/sessions", "/api/sessions", "/health", "/api/p/x.y");
        List<String> bodies = List.of("{\"example\": \"onboarding-en.yaml\"}", "{\"studyFile\": \"study-files/study.yaml\", \"seed\": 7}",
                "{\"language\": \"en\", \"participant\": \"Ada\"}", "{\"guideYaml\": \"study: s\\ntitle: T\\nobjectives:\\n  - id: a\\n"
                        + "    title: A\\n    questions: [Why]\\n\"}");
        for (int seed = 0; seed < 300; seed++) {
            Mutator m = new Mutator(seed);
            String path = paths.get(seed % paths.size()) + (seed % 7 == 0 ? m.mutate("/x").replaceAll("[\\s\"<>\\\\^`{|}]", "") : "");
            String body = m.mutate(bodies);
            HttpResponse<String> r;
            try {
                r = s.call(seed % 5 == 0 ? "GET" : "POST", path, body);
            } catch (RuntimeException e) {
                continue;   // the client refused to send it (a path it cannot encode): nothing reached the server
            }
            assertThat(r.statusCode()).as("seed %d: %s %s", seed, path, body).isLessThan(500);
            if (r.statusCode() >= 400) {
                assertClean(r, r.statusCode());
            }
        }
    }

    static void assertClean(HttpResponse<String> r, int... statuses) {
        assertThat(r.statusCode()).as(r.body()).isIn(java.util.Arrays.stream(statuses).boxed().toList());
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        JsonNode body = TestServer.read(r.body());
        assertThat(body.path("status").asInt()).isEqualTo(r.statusCode());
        assertThat(body.path("error").asText()).isNotBlank();
        assertThat(InputMessages.internals(body.path("message").asText())).as(body.toString()).isEmpty();
        assertThat(r.body()).doesNotContain("<html").doesNotContain("Exception");
    }

    static String message(HttpResponse<String> r) {
        return TestServer.read(r.body()).path("message").asText();
    }
}
