package dev.chassis.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chassis.server.http.Json;
import dev.chassis.testkit.ledger.LedgerFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Workflow runs over the API: a paused step shows what it asks to approve (the draft, the tool call with its arguments)
 * and every policy verdict; a run is forked from a step, with the server's ledger as it is now, and the two are diffed.
 */
class WorkflowRunsApiTest {

    static final Path RECRUIT = TestServer.REPO.resolve("examples/workflows/recruit-brief/workflow.yaml").toAbsolutePath().normalize();
    static final Path NOTES = TestServer.REPO.resolve("examples/workflows/thank-you-notes/workflow.yaml").toAbsolutePath().normalize();
    static final String NO_DURATIONS = LedgerFixtures.noDurationsIncident();

    @Test
    void a_run_is_forked_from_a_step_with_the_ledger_as_it_is_now_and_the_diff_shows_the_step_that_changed(@TempDir Path dir) throws Exception {
        try (TestServer s = TestServer.start(dir.resolve("data"))) {
            String run = s.json("POST", "/api/runs", Json.write(Map.of("workflowFile", RECRUIT.toString()))).path("id").asText();
            JsonNode paused = await(s, run, "waiting");
            assertThat(paused.path("record").path("kind").asText()).isEqualTo("workflow");
            JsonNode pending = paused.path("work").get(0).path("pending");
            assertThat(pending.path("step").asText()).isEqualTo("invite");
            assertThat(pending.path("kind").asText()).isEqualTo("approval");
            assertThat(pending.path("asks").asText()).contains("would you talk with us for 20 minutes");   // the draft itself
            s.json("POST", "/api/runs/" + run + "/approve", "{\"note\": \"reads well\"}");
            assertThat(await(s, run, "done").path("decisions").get(0).path("note").asText()).isEqualTo("reads well");

            // a mistake recorded since the run started: the next fork keeps its fix, the run itself did not have it
            Files.writeString(dir.resolve("data/ledger/no-durations.yaml"), NO_DURATIONS);
            ApiSecurityTest.assertError(s.call("POST", "/api/runs/" + run + "/forks", "{\"from\": \"nope\"}"), 400, "invalid_input");
            ApiSecurityTest.assertError(s.call("POST", "/api/runs/" + run + "/forks", "{\"from\": \"invite\", \"model\": \"nosuch:engine\"}"),
                    400, "bad_request");
            assertThat(Files.exists(dir.resolve("data/runs/" + run + "-fork-1"))).as("nothing written for a refused fork").isFalse();
            JsonNode fork = s.json("POST", "/api/runs/" + run + "/forks", "{\"from\": \"invite\", \"instruction\": \"Draft the invitation; "
                    + "never say how long it takes.\"}");
            assertThat(fork.path("id").asText()).isEqualTo(run + "-fork-1");
            JsonNode forked = await(s, fork.path("id").asText(), "failed");   // the guard refuses the draft on every try
            JsonNode attempt = forked.path("work").get(0);
            assertThat(attempt.path("forkOf").path("run").asText()).isEqualTo(run);
            assertThat(attempt.path("forkOf").path("from").asText()).isEqualTo("invite");
            assertThat(attempt.path("steps").findValuesAsText("step")).containsExactly("rules", "screen", "invite");
            assertThat(attempt.path("steps").get(2).path("gates").findValuesAsText("verdict")).contains("fail");

            JsonNode diff = s.json("GET", "/api/runs/" + run + "/diff/" + run + "-fork-1", null);
            assertThat(diff.path("changed").get(0).asText()).isEqualTo("invite");
            assertThat(diff.path("changed")).hasSize(1);
            assertThat(diff.path("steps").get(1).path("statusA").asText()).isEqualTo("succeeded");
            assertThat(diff.path("steps").get(2).path("statusA").asText()).isEqualTo("succeeded");
            assertThat(diff.path("steps").get(2).path("statusB").asText()).isEqualTo("failed");
            assertThat(diff.path("steps").get(1).path("outputA")).isEqualTo(diff.path("steps").get(1).path("outputB"));
            assertThat(diff.path("lines").get(0).asText()).isEqualTo("diff " + run + " -> " + run + "-fork-1");

            // two forks asked for at the same moment get two numbers
            java.util.concurrent.Callable<String> forkIt = () -> s.json("POST", "/api/runs/" + run + "/forks", "{\"from\": \"invite\"}")
                    .path("id").asText();
            try (var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
                var a = pool.submit(forkIt);
                var b = pool.submit(forkIt);
                assertThat(java.util.List.of(a.get(), b.get())).containsExactlyInAnyOrder(run + "-fork-2", run + "-fork-3");
            }

            ApiSecurityTest.assertError(s.call("GET", "/api/runs/" + run + "/diff/no-such-run", null), 404, "not_found");
            ApiSecurityTest.assertError(s.call("POST", "/api/runs/no-such-run/forks", "{\"from\": \"invite\"}"), 404, "not_found");
        }
    }

    @Test
    void a_tool_call_the_policy_asks_about_waits_with_its_arguments_and_every_verdict_is_in_the_run_view(@TempDir Path dir) throws Exception {
        try (TestServer s = TestServer.start(dir.resolve("data"))) {
            String run = s.json("POST", "/api/runs", Json.write(Map.of("workflowFile", NOTES.toString()))).path("id").asText();
            JsonNode first = await(s, run, "waiting").path("work").get(0).path("pending");
            assertThat(first.path("kind").asText()).isEqualTo("tool");
            assertThat(first.path("asks").asText()).startsWith("write_file ").contains("notes/ana.md").contains("Dear Ana");
            s.json("POST", "/api/runs/" + run + "/approve", "{}");
            JsonNode second = awaitPending(s, run, "notes/dev.md");
            assertThat(second.path("kind").asText()).isEqualTo("tool");
            s.json("POST", "/api/runs/" + run + "/reject", "{\"note\": \"too familiar\"}");
            JsonNode done = awaitOver(s, run);
            JsonNode tools = done.path("work").get(0).path("steps").get(1).path("tools");
            assertThat(tools).hasSize(2);
            assertThat(tools.get(0).path("arguments").asText()).contains("notes/ana.md");
            assertThat(tools.get(0).path("policy").asText()).contains("approved");
            assertThat(tools.get(1).path("arguments").asText()).contains("notes/dev.md");
            assertThat(tools.get(1).path("outcome").asText()).isEqualTo("refused");
            assertThat(tools.get(1).path("policy").asText()).contains("refused");
            assertThat(done.path("work").get(0).path("steps").get(0).path("tools").get(0).path("policy").asText()).contains("allow");
        }
    }

    static JsonNode await(TestServer s, String run, String status) throws InterruptedException {
        return until(s, run, r -> r.path("record").path("status").asText().equals(status));
    }

    private static JsonNode awaitOver(TestServer s, String run) throws InterruptedException {
        return until(s, run, r -> !r.path("record").path("status").asText().equals("waiting"));
    }

    private static JsonNode awaitPending(TestServer s, String run, String asks) throws InterruptedException {
        return until(s, run, r -> r.path("work").path(0).path("pending").path("asks").asText().contains(asks)).path("work").get(0).path("pending");
    }

    /** The run's view once nothing runs it and {@code done} holds; generous, for a loaded machine. */
    private static JsonNode until(TestServer s, String run, java.util.function.Predicate<JsonNode> done) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        JsonNode r = null;
        while (Instant.now().isBefore(deadline)) {
            var response = s.call("GET", "/api/runs/" + run, null);
            r = response.statusCode() == 200 ? TestServer.read(response.body()) : null;   // a fork's start is journaled by its thread
            if (r != null && !r.path("active").asBoolean() && done.test(r)) {
                return r;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("run " + run + " never got there: " + r);
    }
}
