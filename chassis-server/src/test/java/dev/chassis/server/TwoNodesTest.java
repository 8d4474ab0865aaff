package dev.chassis.server;

import static dev.chassis.server.WsClient.type;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two server nodes, each with its own data folder, on one PostgreSQL: a participant whose node dies reconnects through
 * the other and finishes the same interview with every confirmed turn; while a node holds a session, the other refuses it.
 */
class TwoNodesTest {

    private static final String SHARED_PG = System.getenv("CHASSIS_TEST_PG_URL");
    private static final Duration LEASE = Duration.ofSeconds(2);
    private static String pg;

    /**
     * A database of this class's own: the two nodes share the researcher token through it, and another test class
     * in a parallel fork starting a server with a new token on the shared database replaced it between node a's start
     * and node b's (b then refused a's token: a CI flake).
     */
    @BeforeAll
    static void ownDatabase() throws SQLException {
        if (SHARED_PG == null || SHARED_PG.isBlank()) {
            return;
        }
        String name = "chassis_two_nodes_" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection c = DriverManager.getConnection(SHARED_PG); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        }
        pg = SHARED_PG.replaceFirst("(jdbc:postgresql://[^/]+/)[^?]*", "$1" + name);
    }

    @AfterAll
    static void dropOwnDatabase() throws SQLException {
        if (pg == null) {
            return;
        }
        String name = pg.replaceFirst("jdbc:postgresql://[^/]+/([^?]*).*", "$1");
        try (Connection c = DriverManager.getConnection(SHARED_PG); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    @BeforeEach
    void needsPostgres() {
        Assumptions.assumeTrue(pg != null,
                "two-node tests skipped: set CHASSIS_TEST_PG_URL (e.g. jdbc:postgresql://127.0.0.1:55432/chassis?user=postgres); .ci/run does");
    }

    private static ServerConfig node(Path dir, String name) {
        return TestServer.config(dir.resolve(name)).withDatabaseUrl(pg).withNodeId(name + "-" + UUID.randomUUID().toString().substring(0, 6))
                .withLeaseDuration(LEASE);
    }

    @Test
    void a_participant_whose_node_dies_finishes_through_the_other_node_with_no_confirmed_turn_lost(@TempDir Path dir) throws Exception {
        TestServer a = TestServer.startWithNewToken(node(dir, "a"));
        List<String> confirmed = new ArrayList<>();   // the participant's answers whose reply ended (agent-end)
        String[] session;
        try (TestServer b = TestServer.start(node(dir, "b"), a.token)) {
            String study = a.shortStudy();
            session = a.newSession(study);
            try (WsClient ws = new WsClient(a.base(), session[1])) {
                ws.await(type("hello"), 60);
                ws.send("{\"type\":\"start\"}");
                ws.await(type("agent-end"), 60);
                for (int i = 0; i < 2; i++) {
                    String answer = LiveInterviewTest.ANSWERS.get(i);
                    ws.send("{\"type\":\"say\",\"text\":\"" + answer + "\"}");
                    assertThat(ws.await(type("agent-end"), 60).path("turn").asInt()).isEqualTo(i + 1);
                    confirmed.add(answer);
                }
                assertThat(a.json("GET", "/api/health", null).path("node").path("leases").asInt()).isEqualTo(1);
                assertThat(b.json("GET", "/api/health", null).path("node").path("leases").asInt()).isZero();

                long halted = System.nanoTime();
                // as a crash: its lease is neither renewed nor given up from the first moment (the rest of the halt, letting its
                // parts go, takes seconds on a loaded machine: the participant does not wait for it)
                Thread halting = Thread.startVirtualThread(a.server::halt);

                // the page reconnects (through the load balancer, to the other node) until that node has taken the session over
                JsonNode hello = null;
                WsClient taken = null;
                while (hello == null) {
                    assertThat(System.nanoTime() - halted).as("taken over within a minute").isLessThan(TimeUnit.SECONDS.toNanos(60));
                    WsClient attempt = new WsClient(b.base(), session[1]);
                    JsonNode first = attempt.await(m -> true, 20);
                    if (first.path("type").asText().equals("hello")) {
                        hello = first;
                        taken = attempt;
                    } else {
                        assertThat(first.path("message").asText()).contains("another server");
                        assertThat(attempt.closedWith.get(10, TimeUnit.SECONDS)).isEqualTo(4409);
                        Thread.sleep(200);
                    }
                }
                long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - halted);
                System.out.println("TwoNodesTest: node b took the session over " + tookMs + " ms after node a halted (lease " + LEASE.toMillis() + " ms)");
                halting.join();
                try (WsClient ws2 = taken) {
                    assertThat(answers(hello.path("transcript"))).as("the state rebuilt from the journal").containsExactlyElementsOf(confirmed);
                    ws2.send("{\"type\":\"start\"}");   // a page that reconnects says start again: nothing is repeated
                    boolean last = false;
                    for (int i = 2; !last && i < 12; i++) {
                        String answer = LiveInterviewTest.ANSWERS.get(Math.min(i, LiveInterviewTest.ANSWERS.size() - 1));
                        ws2.send("{\"type\":\"say\",\"text\":\"" + answer + "\"}");
                        JsonNode end = ws2.await(type("agent-end"), 60);
                        assertThat(end.path("turn").asInt()).isEqualTo(i + 1);
                        confirmed.add(answer);
                        last = end.path("last").asBoolean();
                    }
                    assertThat(last).as("the interviewer wrapped up on the second node").isTrue();
                    ws2.await(type("done"), 60);
                }
                JsonNode state = b.json("GET", "/api/sessions/" + session[0] + "/state", null);
                assertThat(answers(state.path("transcript"))).as("every confirmed answer, once, in order").containsExactlyElementsOf(confirmed);
                assertThat(b.json("GET", "/api/sessions/" + session[0], null).path("session").path("status").asText()).isEqualTo("completed");
            }
        }
    }

    @Test
    void while_one_node_holds_a_session_the_other_refuses_it_and_never_answers(@TempDir Path dir) throws Exception {
        try (TestServer a = TestServer.startWithNewToken(node(dir, "a")); TestServer b = TestServer.start(node(dir, "b"), a.token)) {
            String[] session = a.newSession(a.shortStudy());
            try (WsClient onA = new WsClient(a.base(), session[1])) {
                onA.await(type("hello"), 60);
                onA.send("{\"type\":\"start\"}");
                onA.await(type("agent-end"), 60);
                // longer than the lease: a holder that renews keeps it, however long the other node tries
                long until = System.nanoTime() + 2 * LEASE.toNanos();
                int refusals = 0;
                while (System.nanoTime() < until || refusals < 3) {
                    try (WsClient onB = new WsClient(b.base(), session[1])) {
                        JsonNode first = onB.await(m -> true, 20);
                        assertThat(first.path("type").asText()).as("node b never greets a session node a holds").isEqualTo("error");
                        assertThat(onB.closedWith.get(10, TimeUnit.SECONDS)).isEqualTo(4409);
                        onB.send("{\"type\":\"say\",\"text\":\"answered twice?\"}");   // too late: closed, nothing is answered
                    } catch (RuntimeException closedAlready) {
                        // the send met the closed connection
                    }
                    refusals++;
                    Thread.sleep(300);
                }
                onA.send("{\"type\":\"say\",\"text\":\"" + LiveInterviewTest.ANSWERS.get(0) + "\"}");
                assertThat(onA.await(type("agent-end"), 60).path("turn").asInt()).as("node a still answers").isEqualTo(1);
                assertThat(b.json("GET", "/api/health", null).path("node").path("leases").asInt()).isZero();
                JsonNode state = a.json("GET", "/api/sessions/" + session[0] + "/state", null);
                assertThat(answers(state.path("transcript"))).containsExactly(LiveInterviewTest.ANSWERS.get(0));
            }
            // an orderly stop gives the lease up at once: the other node takes the session without waiting for it to lapse
            a.close();
            try (WsClient onB = new WsClient(b.base(), session[1])) {
                JsonNode hello = onB.await(m -> true, 20);
                assertThat(hello.path("type").asText()).isEqualTo("hello");
                assertThat(answers(hello.path("transcript"))).containsExactly(LiveInterviewTest.ANSWERS.get(0));
            }
        }
    }

    private static List<String> answers(JsonNode transcript) {
        List<String> out = new ArrayList<>();
        transcript.forEach(l -> {
            if (l.path("speaker").asText().equals("participant")) {
                out.add(l.path("text").asText());
            }
        });
        return out;
    }
}
