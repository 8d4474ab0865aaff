package dev.chassis.server;

import static dev.chassis.server.WsClient.type;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A reconnect with the same link resumes the same session, state intact: within one server, and after a restart. */
class ResumeTest {

    @Test
    void a_reconnect_continues_the_same_session(@TempDir Path dir) throws Exception {
        try (TestServer s = TestServer.start(dir)) {
            String[] session = s.newSession(s.shortStudy());
            try (WsClient ws = new WsClient(s.base(), session[1])) {
                ws.await(type("hello"), 60);
                ws.send("{\"type\":\"start\"}");
                ws.await(type("agent-end"), 60);
                ws.send("{\"type\":\"say\",\"text\":\"" + LiveInterviewTest.ANSWERS.get(0) + "\"}");
                ws.await(type("agent-end"), 60);
            }
            awaitStatus(s, session[0], "paused");
            try (WsClient again = new WsClient(s.base(), session[1])) {
                JsonNode hello = again.await(type("hello"), 60);
                assertThat(hello.path("started").asBoolean()).isTrue();
                assertThat(hello.path("transcript")).hasSize(3);
                again.send("{\"type\":\"start\"}");   // a page that reconnects says start again: nothing is repeated
                again.send("{\"type\":\"say\",\"text\":\"" + LiveInterviewTest.ANSWERS.get(2) + "\"}");
                assertThat(again.await(type("agent-end"), 60).path("turn").asInt()).isEqualTo(2);
            }
            assertThat(s.json("GET", "/api/sessions/" + session[0] + "/state", null).path("transcript")).hasSize(5);
        }
    }

    @Test
    void after_a_server_restart_the_link_resumes_the_session_from_its_journal(@TempDir Path dir) throws Exception {
        String[] session;
        JsonNode before;
        String token;
        try (TestServer s = TestServer.start(dir)) {
            token = s.token;
            session = s.newSession(s.shortStudy());
            try (WsClient ws = new WsClient(s.base(), session[1])) {
                ws.await(type("hello"), 60);
                ws.send("{\"type\":\"start\"}");
                ws.await(type("agent-end"), 60);
                ws.send("{\"type\":\"say\",\"text\":\"" + LiveInterviewTest.ANSWERS.get(0) + "\"}");
                ws.await(type("agent-end"), 60);
            }
            Thread.sleep(300); // the monitors of the answer land in the state (and the journal) behind the reply
            before = s.json("GET", "/api/sessions/" + session[0] + "/state", null);
        }
        try (TestServer s = TestServer.start(TestServer.config(dir), token)) {
            assertThat(s.server.newResearcherToken()).as("the token is made once").isEmpty();
            JsonNode info = s.json("GET", "/api/sessions/" + session[0], null);
            assertThat(info.path("session").path("status").asText()).isEqualTo("paused");
            JsonNode after = s.json("GET", "/api/sessions/" + session[0] + "/state", null);
            assertThat(after.path("transcript")).isEqualTo(before.path("transcript"));
            assertThat(after.path("coverage")).isEqualTo(before.path("coverage"));
            assertThat(after.path("turns")).isEqualTo(before.path("turns"));
            try (WsClient ws = new WsClient(s.base(), session[1])) {
                JsonNode hello = ws.await(type("hello"), 60);
                assertThat(hello.path("transcript")).hasSize(3);
                ws.send("{\"type\":\"say\",\"text\":\"" + LiveInterviewTest.ANSWERS.get(2) + "\"}");
                assertThat(ws.await(type("agent-end"), 60).path("turn").asInt()).isEqualTo(2);
            }
        }
    }

    /** Waits up to 30 s (a loaded machine) for the session's status. */
    static void awaitStatus(TestServer s, String session, String status) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            if (s.json("GET", "/api/sessions/" + session, null).path("session").path("status").asText().equals(status)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("session " + session + " never became " + status);
    }
}
