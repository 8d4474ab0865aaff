package dev.chassis.server;

import static dev.chassis.server.WsClient.type;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A live interview without participant activity for the idle timeout is closed and flushed; the same link resumes it. */
class IdleSessionTest {

    private static final Duration IDLE = Duration.ofMillis(600);

    @Test
    void an_idle_interview_is_closed_and_the_same_link_resumes_it_from_the_journal(@TempDir Path dir) throws Exception {
        try (TestServer s = TestServer.start(TestServer.config(dir).withIdleTimeout(IDLE), null)) {
            String[] session = s.newSession(s.shortStudy());
            try (WsClient ws = new WsClient(s.base(), session[1])) {
                ws.await(type("hello"), 5);
                ws.send("{\"type\":\"start\"}");
                ws.await(type("agent-end"), 10);
                ws.send("{\"type\":\"say\",\"text\":\"" + LiveInterviewTest.ANSWERS.get(0) + "\"}");
                ws.await(type("agent-end"), 10);
                assertThat(s.server.liveSessions()).isEqualTo(1);

                ws.await(type("idle"), 5);   // nobody did anything: the server says so and closes the connection
                assertThat(ws.closedWith.get(5, TimeUnit.SECONDS)).isEqualTo(4408);
            }
            assertThat(s.server.liveSessions()).as("the talk session is closed").isZero();
            assertThat(s.json("GET", "/api/sessions/" + session[0], null).path("session").path("status").asText()).isEqualTo("paused");
            JsonNode state = s.json("GET", "/api/sessions/" + session[0] + "/state", null);   // replayed from the journal
            assertThat(state.path("transcript")).hasSize(3);

            try (WsClient again = new WsClient(s.base(), session[1])) {
                JsonNode hello = again.await(type("hello"), 5);
                assertThat(hello.path("started").asBoolean()).isTrue();
                assertThat(hello.path("transcript")).hasSize(3);
                awaitStatus(s, session[0], "live");   // set just after the hello is sent
                again.send("{\"type\":\"say\",\"text\":\"" + LiveInterviewTest.ANSWERS.get(2) + "\"}");
                assertThat(again.await(type("agent-end"), 10).path("turn").asInt()).isEqualTo(2);
            }
            assertThat(s.json("GET", "/api/sessions/" + session[0] + "/state", null).path("transcript")).hasSize(5);
        }
    }

    @Test
    void a_participant_who_keeps_typing_is_not_closed_but_pings_alone_do_not_keep_it_open(@TempDir Path dir) throws Exception {
        try (TestServer s = TestServer.start(TestServer.config(dir).withIdleTimeout(IDLE), null)) {
            String[] session = s.newSession(s.shortStudy());
            try (WsClient ws = new WsClient(s.base(), session[1])) {
                ws.await(type("hello"), 5);
                ws.send("{\"type\":\"start\"}");
                ws.await(type("agent-end"), 10);
                for (int i = 0; i < 10; i++) {   // 2 s of typing, over three idle timeouts
                    ws.send("{\"type\":\"typing\"}");
                    Thread.sleep(200);
                }
                assertThat(ws.closedWith).isNotDone();
                assertThat(s.server.liveSessions()).isEqualTo(1);

                for (int i = 0; i < 10 && !ws.closedWith.isDone(); i++) {
                    ws.send("{\"type\":\"ping\"}");
                    Thread.sleep(200);
                }
                assertThat(ws.closedWith.get(5, TimeUnit.SECONDS)).isEqualTo(4408);
            }
        }
    }

    @Test
    void a_session_whose_participant_left_is_closed_when_idle_too(@TempDir Path dir) throws Exception {
        try (TestServer s = TestServer.start(TestServer.config(dir).withIdleTimeout(IDLE), null)) {
            String[] session = s.newSession(s.shortStudy());
            try (WsClient ws = new WsClient(s.base(), session[1])) {
                ws.await(type("hello"), 5);
                ws.send("{\"type\":\"start\"}");
                ws.await(type("agent-end"), 10);
            }
            assertThat(s.server.liveSessions()).as("a tab closed: the session stays open for a reconnect").isEqualTo(1);
            for (int i = 0; i < 50 && s.server.liveSessions() > 0; i++) {
                Thread.sleep(100);
            }
            assertThat(s.server.liveSessions()).isZero();
        }
    }

    private static void awaitStatus(TestServer s, String session, String status) throws InterruptedException {
        String now = "";
        for (int i = 0; i < 50; i++) {
            now = s.json("GET", "/api/sessions/" + session, null).path("session").path("status").asText();
            if (now.equals(status)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("session " + session + " is " + now + ", never became " + status);
    }
}
