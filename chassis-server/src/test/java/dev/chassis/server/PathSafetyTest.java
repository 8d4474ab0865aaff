package dev.chassis.server;

import static dev.chassis.server.ApiSecurityTest.assertError;
import static dev.chassis.server.WsClient.type;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chassis.server.http.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Ids are ids: every route that writes or reads a file refuses a name that is not an id, a guide's study id
 * that could be a path is a located error, study files are read from the data or examples folder only, and a
 * whole interview, its report and a run write inside the data folder only. The data folder is {@code dir/data};
 * {@code dir} holds nothing else, so a write that escaped by a level or two would show there.
 */
class PathSafetyTest {

    @TempDir
    static Path dir;
    static TestServer s;
    static String study;

    @BeforeAll
    static void start() throws IOException {
        s = TestServer.start(TestServer.config(dir.resolve("data")), null);
        study = s.shortStudy();
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    /** Names that must never reach the file system, as they appear in a path (encoded where a path needs it). */
    static List<String> badIds() {
        return List.of("..", "..%2F..%2Foutside", "%2Fetc%2Fpasswd", "~", "%7Eroot", "Short-Test", "a.b", "a%00b", "a%5Cb", "-x");
    }

    /** Every route that writes or reads a file, with its id in the path. */
    static List<String[]> fileRoutes() {
        List<String[]> out = new ArrayList<>();
        for (String id : badIds()) {
            out.add(new String[] {"GET", "/api/studies/" + id + "/report"});
            out.add(new String[] {"POST", "/api/studies/" + id + "/report/ticket"});
            out.add(new String[] {"POST", "/api/studies/" + id + "/sessions"});
            out.add(new String[] {"GET", "/api/sessions/" + id + "/state"});
            out.add(new String[] {"GET", "/api/sessions/" + id + "/transcript"});
            out.add(new String[] {"GET", "/api/runs/" + id});
            out.add(new String[] {"POST", "/api/runs/" + id + "/approve"});
            out.add(new String[] {"POST", "/api/runs/" + id + "/reject"});
            out.add(new String[] {"POST", "/api/runs/" + id + "/resume"});
            out.add(new String[] {"GET", "/api/runs/" + id + "/report"});
        }
        return out;
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("fileRoutes")
    void a_route_that_touches_files_refuses_a_name_that_is_not_an_id(String method, String path) {
        HttpResponse<String> r = s.call(method, path, null);
        assertThat(r.statusCode()).as(path + " " + r.body()).isIn(400, 404);
        assertThat(TestServer.read(r.body()).path("status").asInt()).isEqualTo(r.statusCode());
        assertThat(r.body()).doesNotContain("Exception");
        assertNothingOutside();
    }

    @Test
    void a_report_view_with_a_name_that_is_not_an_id_is_refused() {
        for (String id : badIds()) {
            HttpResponse<String> r = s.send("GET", "/reports/" + id + "?ticket=1.x", null, Map.of());
            assertThat(r.statusCode()).as(id).isIn(400, 401, 404);
        }
        assertNothingOutside();
    }

    @ParameterizedTest(name = "study: {0}")
    @ValueSource(strings = {"/tmp/escaped", "../../outside", "\\\"~\\\"", "a/b", "..", "Onboarding"})
    void a_guide_whose_study_id_could_be_a_path_is_a_located_error(String id) {
        HttpResponse<String> r = s.call("POST", "/api/studies", "{\"guideYaml\": \"study: " + id + "\\ntitle: T\\nobjectives:\\n  - id: a\\n"
                + "    title: A\\n    questions: [Why]\\n\", \"source\": \"evil.yaml\"}");
        assertError(r, 400, "invalid_input");
        assertThat(TestServer.read(r.body()).path("message").asText()).startsWith("evil.yaml:1: study: must be an id of");
    }

    @ParameterizedTest(name = "studyFile {0}")
    @ValueSource(strings = {"/etc/passwd", "../../outside/study.yaml", "../data/../../x.yaml", "\u0000", "a\u0000b", "/no/such/study.yaml"})
    void a_run_reads_study_files_from_the_data_and_examples_folders_only(String file) {
        HttpResponse<String> r = s.call("POST", "/api/runs", Json.write(Map.of("studyFile", file)));
        assertError(r, 400, "bad_request");
        assertThat(TestServer.read(r.body()).path("message").asText()).containsAnyOf("study files are read from", "is not a file path");
    }

    @Test
    void a_link_in_the_data_folder_does_not_lead_a_run_to_a_study_file_outside() throws IOException {
        Path outside = Files.createDirectories(dir.resolve("elsewhere"));
        try {
            Files.copy(RunsTest.studyFile(dir, false), outside.resolve("study.yaml"));
            Path link = Files.createSymbolicLink(dir.resolve("data/study-files/linked.yaml"), outside.resolve("study.yaml"));
            HttpResponse<String> r = s.call("POST", "/api/runs", Json.write(Map.of("studyFile", link.toString())));
            assertError(r, 400, "bad_request");
            assertThat(r.body()).contains("leads outside");
        } finally {
            try (Stream<Path> files = Files.walk(outside)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void an_interview_its_report_and_a_run_write_inside_the_data_folder_only() throws Exception {
        String[] session = s.newSession(study);
        try (WsClient ws = new WsClient(s.base(), session[1])) {
            ws.await(type("hello"), 60);
            ws.send("{\"type\":\"start\"}");
            ws.await(type("agent-end"), 60);
            boolean done = false;
            for (int i = 0; i < 30 && !done; i++) {
                ws.send("{\"type\":\"say\",\"text\":\"" + LiveInterviewTest.ANSWERS.get(Math.min(i, LiveInterviewTest.ANSWERS.size() - 1)) + "\"}");
                done = ws.await(type("agent-end"), 60).path("last").asBoolean();
            }
            ws.await(type("done"), 60);
        }
        assertThat(s.call("GET", "/api/studies/" + study + "/report", null).statusCode()).isEqualTo(200);
        String run = s.json("POST", "/api/runs", Json.write(Map.of("studyFile", RunsTest.studyFile(dir, false).toString()))).path("id").asText();
        JsonNode finished = RunsTest.await(s, run, "done");
        assertThat(finished.path("hasReport").asBoolean()).isTrue();

        Path data = dir.resolve("data");
        assertThat(data.resolve("studies/" + study + "/transcripts/" + session[0] + ".json")).isRegularFile();
        assertThat(data.resolve("studies/" + study + "/report/report.html")).isRegularFile();
        assertThat(data.resolve("turns/" + session[0] + ".json")).isRegularFile();
        assertThat(data.resolve("runs/" + run + "/report/report.html")).isRegularFile();
        assertNothingOutside();
    }

    /** {@code dir} holds the data folder only (and what a test put there on purpose, removed again). */
    private static void assertNothingOutside() {
        try (Stream<Path> top = Files.list(dir)) {
            assertThat(top.map(p -> p.getFileName().toString()).filter(n -> !n.equals("elsewhere")).toList()).containsExactly("data");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
