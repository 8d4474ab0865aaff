package dev.chassis.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chassis.server.http.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A live study run pauses for its sessions with a link for each; approve continues it, reject stops it. */
class RunsTest {

    @Test
    void a_live_run_pauses_with_links_and_is_approved_then_rejected(@TempDir Path dir) throws Exception {
        Path file = studyFile(dir, true);
        try (TestServer s = TestServer.start(dir.resolve("data"))) {
            String run = s.json("POST", "/api/runs", Json.write(Map.of("studyFile", file.toString()))).path("id").asText();
            JsonNode paused = await(s, run, "waiting");
            assertThat(paused.path("steps").findValuesAsText("step")).containsSubsequence("recruit", "schedule", "invite", "conduct");
            assertThat(paused.path("steps").get(3).path("status").asText()).isEqualTo("paused");
            assertThat(paused.path("waitingFor")).hasSize(5);
            JsonNode conduct = paused.path("work").get(0).path("steps").get(3);   // the journal's view of the same pause
            assertThat(conduct.path("step").asText()).isEqualTo("conduct");
            assertThat(conduct.path("tools").get(0).path("tool").asText()).isEqualTo("conduct_sessions");
            JsonNode first = paused.path("waitingFor").get(0);
            assertThat(first.path("link").asText()).contains("/p/eyJ");   // a signed token, not the session id
            // the invitation written for that session carries a link to the same server session
            Path invite;
            try (var found = Files.find(dir, 8, (p, a) -> p.getFileName().toString().equals(first.path("runSession").asText() + ".ics"))) {
                invite = found.findFirst().orElseThrow();
            }
            java.util.regex.Matcher token = java.util.regex.Pattern.compile("/p/([A-Za-z0-9._-]+)").matcher(Files.readString(invite).replace("\r\n ", ""));
            assertThat(token.find()).isTrue();
            assertThat(TestServer.read(s.send("GET", "/api/p/" + token.group(1), null, Map.of()).body()).path("session").asText())
                    .isEqualTo(first.path("session").asText());
            assertThat(s.json("GET", "/api/sessions/" + first.path("session").asText(), null).path("session").path("run").path("runId").asText())
                    .isEqualTo(run);

            s.json("POST", "/api/runs/" + run + "/approve", "{\"note\":\"go on\"}");
            JsonNode again = await(s, run, "waiting");   // nobody has been interviewed yet: it pauses again, the same links
            assertThat(again.path("waitingFor").get(0).path("session")).isEqualTo(first.path("session"));
            assertThat(again.path("decisions").get(0).path("approved").asBoolean()).isTrue();

            JsonNode rejected = s.json("POST", "/api/runs/" + run + "/reject", "{\"note\":\"wrong pool\"}");
            assertThat(rejected.path("status").asText()).isEqualTo("rejected");
            ApiSecurityTest.assertError(s.call("POST", "/api/runs/" + run + "/approve", "{}"), 409, "conflict");
            ApiSecurityTest.assertError(s.call("POST", "/api/runs/" + run + "/resume", null), 409, "conflict");
        }
    }

    @Test
    void a_finished_study_run_shows_each_work_step_with_a_passed_schema_gate_and_its_tool(@TempDir Path dir) throws Exception {
        Path file = studyFile(dir, false);
        try (TestServer s = TestServer.start(dir.resolve("data"))) {
            String run = s.json("POST", "/api/runs", Json.write(Map.of("studyFile", file.toString()))).path("id").asText();
            JsonNode done = await(s, run, "done");
            JsonNode work = done.path("work");
            assertThat(work).hasSize(1);
            assertThat(work.get(0).path("runId").asText()).isEqualTo("ops-1");
            assertThat(work.get(0).path("status").asText()).isEqualTo("succeeded");
            JsonNode steps = work.get(0).path("steps");
            assertThat(steps.findValuesAsText("step"))
                    .containsExactly("recruit", "schedule", "invite", "conduct", "synthesise", "quality", "report");
            for (JsonNode step : steps) {
                assertThat(step.path("status").asText()).as(step.toString()).isEqualTo("succeeded");
                assertThat(step.path("attempts").asInt()).isEqualTo(1);
                assertThat(step.path("gates").findValuesAsText("gate")).as(step.toString()).contains("schema");
                for (JsonNode gate : step.path("gates")) {
                    assertThat(gate.path("verdict").asText()).as(step.toString()).isEqualTo("pass");
                }
                assertThat(step.path("tools")).as(step.toString()).hasSize(1);
                assertThat(step.path("tools").get(0).path("outcome").asText()).as(step.toString()).isEqualTo("ok");
                assertThat(step.path("usage").path("wallMs").asLong()).isNotNegative();
            }
            assertThat(steps.get(2).path("tools").get(0).path("tool").asText()).isEqualTo("send_invites");
            assertThat(s.json("GET", "/api/runs", null).get(0).path("work")).isEmpty();   // listings leave the journal out
            String metrics = s.call("GET", "/metrics", null).body();   // the same run, as the work harness's meters
            assertThat(metrics).contains("chassis_work_steps_total{status=\"succeeded\"} 7.0")
                    .contains("chassis_work_runs_total{status=\"succeeded\"} 1.0")
                    .contains("chassis_work_tool_calls_seconds_count{outcome=\"ok\",tool=\"send_invites\"} 1");
            // every journal write of the run was timed: a count of several, and buckets for the dashboard's quantiles
            java.util.regex.Matcher appends = java.util.regex.Pattern.compile("(?m)^chassis_work_journal_append_seconds_count (\\S+)$")
                    .matcher(metrics);
            assertThat(appends.find()).as("chassis_work_journal_append_seconds_count in /metrics").isTrue();
            assertThat(Double.parseDouble(appends.group(1))).isGreaterThanOrEqualTo(7);
            assertThat(metrics).contains("chassis_work_journal_append_seconds_bucket{le=");
            for (String name : Dashboard.metrics("chassis_work_")) {   // what docs/grafana-dashboard.json charts is served
                if (!name.equals("chassis_work_pauses_total")) {        // no run paused here
                    assertThat(metrics).as(name).contains(name);
                }
            }
        }
    }

    /** A study file in the data folder {@code dir/data}, naming the example's guide, pool and personas by absolute path. */
    static Path studyFile(Path dir, boolean live) throws java.io.IOException {
        Path example = TestServer.REPO.resolve("examples/study-onboarding").toAbsolutePath().normalize();
        String study = Files.readString(example.resolve("study.yaml"))
                .replace("guide: ../guides/onboarding-en.yaml", "guide: " + example.resolveSibling("guides/onboarding-en.yaml"))
                .replace("pool: pool.csv", "pool: " + example.resolve("pool.csv"))
                .replace("../personas/", example.resolveSibling("personas") + "/")
                .replace("themes: 6", live ? "themes: 6\nconduct: live" : "themes: 6");
        // study files are read from the data folder (or the examples folder) only
        Path in = Files.createDirectories(dir.resolve("data").resolve("study-files"));
        return Files.writeString(in.resolve(live ? "live-study.yaml" : "study.yaml"), study);
    }

    static JsonNode await(TestServer s, String run, String status) throws InterruptedException {
        JsonNode r = null;
        for (int i = 0; i < 300; i++) {
            var response = s.call("GET", "/api/runs/" + run, null);
            r = response.statusCode() == 200 ? TestServer.read(response.body()) : null;   // run.json appears once its thread starts
            if (r != null && !r.path("active").asBoolean() && r.path("record").path("status").asText().equals(status)) {
                return r;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("run " + run + " never became " + status + ": " + r);
    }
}
