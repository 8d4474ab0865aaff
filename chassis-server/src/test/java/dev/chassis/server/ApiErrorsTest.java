package dev.chassis.server;

import static dev.chassis.server.ApiSecurityTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input gets a clear 4xx JSON error, never a stack trace. */
class ApiErrorsTest {

    @TempDir
    static Path dir;
    static TestServer s;
    static String study;

    @BeforeAll
    static void start() {
        s = TestServer.start(TestServer.config(dir).withMaxBodyBytes(8 * 1_024), null);
        study = s.shortStudy();
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    @Test
    void malformed_json_is_400_with_line_and_column() {
        HttpResponse<String> r = s.call("POST", "/api/studies", "{\"guideYaml\": ");
        assertError(r, 400, "bad_request");
        assertThat(r.body()).contains("malformed JSON at line 1, column");
    }

    @Test
    void an_unknown_field_is_400_naming_it_and_the_known_ones() {
        HttpResponse<String> r = s.call("POST", "/api/studies", "{\"guide\": \"x\"}");
        assertError(r, 400, "bad_request");
        assertThat(r.body()).contains("unknown field 'guide'").contains("guideYaml");
    }

    @Test
    void a_wrong_type_is_400_naming_the_field() {
        HttpResponse<String> r = s.call("POST", "/api/runs", "{\"studyFile\": \"x\", \"seed\": \"many\"}");
        assertError(r, 400, "bad_request");
        assertThat(r.body()).contains("'seed'");
    }

    @Test
    void an_empty_body_is_400() {
        assertError(s.call("POST", "/api/studies", ""), 400, "bad_request");
    }

    @Test
    void an_oversized_body_is_413() {
        HttpResponse<String> r = s.call("POST", "/api/studies", "{\"guideYaml\": \"" + "x".repeat(20_000) + "\"}");
        assertError(r, 413, "too_large");
    }

    @Test
    void an_invalid_guide_is_400_naming_the_line_and_field() {
        HttpResponse<String> r = s.call("POST", "/api/studies", "{\"guideYaml\": \"study: x\\ntitle: y\\nminutes: 999\\nobjectives: []\\n\"}");
        assertError(r, 400, "invalid_input");
        assertThat(TestServer.read(r.body()).path("message").asText()).isEqualTo("guide.yaml:3: minutes: must be between 1 and 240, was 999");
    }

    @Test
    void unknown_ids_are_404() {
        assertError(s.call("GET", "/api/studies/nope", null), 404, "not_found");
        assertError(s.call("POST", "/api/studies/nope/sessions", "{}"), 404, "not_found");
        assertError(s.call("GET", "/api/sessions/nope", null), 404, "not_found");
        assertError(s.call("GET", "/api/sessions/nope/state", null), 404, "not_found");
        assertError(s.call("GET", "/api/runs/nope", null), 404, "not_found");
        assertError(s.call("GET", "/api/nothing", null), 404, "not_found");
        assertError(s.call("POST", "/api/studies", "{\"example\": \"../../pom.xml\"}"), 404, "not_found");
    }

    @Test
    void a_session_that_has_not_started_has_no_transcript_and_a_study_without_completed_sessions_no_report() {
        String[] session = s.newSession(study);
        assertError(s.call("GET", "/api/sessions/" + session[0] + "/transcript", null), 404, "not_found");
        assertError(s.call("GET", "/api/studies/" + study + "/report", null), 409, "conflict");
    }

    @Test
    void a_language_the_study_is_not_held_in_is_400() {
        HttpResponse<String> r = s.call("POST", "/api/studies/" + study + "/sessions", "{\"language\": \"ja\"}");
        assertError(r, 400, "bad_request");
        assertThat(r.body()).contains("en, de");
    }

    @Test
    void a_missing_study_file_for_a_run_is_400() {
        assertError(s.call("POST", "/api/runs", "{\"studyFile\": \"/no/such/study.yaml\"}"), 400, "bad_request");
    }
}
