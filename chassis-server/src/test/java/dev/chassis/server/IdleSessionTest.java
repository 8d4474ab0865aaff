package dev.chassis.server;

import static dev.chassis.server.WsClient.type;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chassis.server.live.Interviews;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A live interview without participant activity for the idle timeout is closed and flushed, and one whose participant's
 * connection closed is released within seconds; the same link resumes either from the journal.
 */
class IdleSessionTest {

    /**
     * Long enough that a loaded CI machine (2 cores) does not stall between two of the test's own messages for as long,
     * short enough to keep the test quick; the waits for frames are generous and end as soon as the frame comes.
     */
    private static final Duration IDLE = Duration.ofMillis(2500);

    @Test
    void an_idle_interview_is_closed_and_the_same_link_resumes_it_from_the_journal(@TempDir Path dir) throws Exception {
        try (TestServer s = TestServer.start(TestServer.config(dir).withIdleTimeout(IDLE), null)) {
            String[] session = s.newSession(s.shortStudy());
            try (WsClient ws = new WsClient(s.base(), session[1])) {
                ws.await(type("hello"), 60);
                ws.send("{\"type\":\"start\"}");
                ws.await(type("agent-end"), 60);
                ws.send("{\"type\":\"say\",\"text\":\"" + LiveInterviewTest.ANSWERS.get(0) + "\"}");
                ws.await(type("agent-end"), 60);
                assertThat(s.server.liveSessions()).isEqualTo(1);

                ws.await(type("idle"), 60);   // nobody did anything: the server says so and closes the connection
                assertThat(ws.closedWith.get(60, TimeUnit.SECONDS)).isEqualTo(4408);
            }
            assertThat(s.server.liveSessions()).as("the talk session is closed").isZero();
            assertThat(s.json("GET", "/api/sessions/" + session[0], null).path("session").path("status").asText()).isEqualTo("paused");
            JsonNode state = s.json("GET", "/api/sessions/" + session[0] + "/state", null);   // replayed from the journal
            assertThat(state.path("transcript")).hasSize(3);

            try (WsClient again = new WsClient(s.base(), session[1])) {
                JsonNode hello = again.await(type("hello"), 60);
                assertThat(hello.path("started").asBoolean()).isTrue();
                assertThat(hello.path("transcript")).hasSize(3);
                awaitStatus(s, session[0], "live");   // set just after the hello is sent
                again.send("{\"type\":\"say\",\"text\":\"" + LiveInterviewTest.ANSWERS.get(2) + "\"}");
                assertThat(again.await(type("agent-end"), 60).path("turn").asInt()).isEqualTo(2);
            }
            assertThat(s.json("GET", "/api/sessions/" + session[0] + "/state", null).path("transcript")).hasSize(5);
        }
    }

    @Test
    void a_participant_who_keeps_typing_is_not_closed_but_pings_alone_do_not_keep_it_open(@TempDir Path dir) throws Exception {
        try (TestServer s = TestServer.start(TestServer.config(dir).withIdleTimeout(IDLE), null)) {
            String[] session = s.newSession(s.shortStudy());
            try (WsClient ws = new WsClient(s.base(), session[1])) {
                ws.await(type("hello"), 60);
                ws.send("{\"type\":\"start\"}");
                ws.await(type("agent-end"), 60);
                long typing = System.nanoTime();
                while (System.nanoTime() - typing < IDLE.multipliedBy(3).toNanos()) {   // typing for three idle timeouts
                    ws.send("{\"type\":\"typing\"}");
                    Thread.sleep(200);
                }
                assertThat(ws.closedWith).isNotDone();
                assertThat(s.server.liveSessions()).isEqualTo(1);

                long pinging = System.nanoTime();
                while (!ws.closedWith.isDone() && System.nanoTime() - pinging < TimeUnit.SECONDS.toNanos(60)) {
                    ws.send("{\"type\":\"ping\"}");
                    Thread.sleep(200);
                }
                assertThat(ws.closedWith.get(1, TimeUnit.SECONDS)).isEqualTo(4408);
            }
        }
    }

    @Test
    void a_session_whose_participant_left_is_released_within_seconds_and_the_same_link_resumes_it(@TempDir Path dir) throws Exception {
        try (TestServer s = TestServer.start(TestServer.config(dir).withIdleTimeout(Duration.ofMinutes(30)), null)) {
            String[] session = s.newSession(s.shortStudy());
            try (WsClient ws = new WsClient(s.base(), session[1])) {
                ws.await(type("hello"), 60);
                ws.send("{\"type\":\"start\"}");
                ws.await(type("agent-end"), 60);
                ws.send("{\"type\":\"say\",\"text\":\"" + LiveInterviewTest.ANSWERS.get(0) + "\"}");
                ws.await(type("agent-start"), 60);
            }   // the tab closes while the reply streams: the reply is finished and kept, then the session is released
            // released long before the 30-minute idle timeout (a minute's wait: a loaded machine is slow, not 30 minutes slow)
            awaitLive(s, 0, Duration.ofSeconds(60));
            assertThat(s.json("GET", "/api/sessions/" + session[0], null).path("session").path("status").asText()).isEqualTo("paused");
            assertThat(s.json("GET", "/api/sessions/" + session[0] + "/state", null).path("transcript")).as("opening, answer, reply")
                    .hasSize(3);

            try (WsClient again = new WsClient(s.base(), session[1])) {
                JsonNode hello = again.await(type("hello"), 60);
                assertThat(hello.path("transcript")).hasSize(3);
                assertThat(s.server.liveSessions()).as("resumed from the journal").isEqualTo(1);
                again.send("{\"type\":\"say\",\"text\":\"" + LiveInterviewTest.ANSWERS.get(2) + "\"}");
                assertThat(again.await(type("agent-end"), 60).path("turn").asInt()).isEqualTo(2);
            }
        }
    }

    @Test
    void a_participant_back_within_the_grace_keeps_the_open_session(@TempDir Path dir) throws Exception {
        try (TestServer s = TestServer.start(TestServer.config(dir).withIdleTimeout(Duration.ofMinutes(30)), null)) {
            String[] session = s.newSession(s.shortStudy());
            try (WsClient ws = new WsClient(s.base(), session[1])) {
                ws.await(type("hello"), 60);
                ws.send("{\"type\":\"start\"}");
                ws.await(type("agent-end"), 60);
            }
            try (WsClient again = new WsClient(s.base(), session[1])) {   // a reloaded page
                assertThat(again.await(type("hello"), 60).path("transcript")).hasSize(1);
                Thread.sleep(Interviews.RELEASE_AFTER.plusSeconds(1).toMillis());
                assertThat(s.server.liveSessions()).as("someone is connected: kept").isEqualTo(1);
                assertThat(again.closedWith).isNotDone();
                again.send("{\"type\":\"say\",\"text\":\"" + LiveInterviewTest.ANSWERS.get(0) + "\"}");
                assertThat(again.await(type("agent-end"), 60).path("turn").asInt()).isEqualTo(1);
            }
            awaitLive(s, 0, Duration.ofSeconds(60));
        }
    }

    private static void awaitLive(TestServer s, int live, Duration within) throws InterruptedException {
        long end = System.nanoTime() + within.toNanos();
        while (s.server.liveSessions() != live && System.nanoTime() < end) {
            Thread.sleep(50);
        }
        assertThat(s.server.liveSessions()).isEqualTo(live);
    }

    private static void awaitStatus(TestServer s, String session, String status) throws InterruptedException {
        String now = "";
        for (int i = 0; i < 600; i++) {
            now = s.json("GET", "/api/sessions/" + session, null).path("session").path("status").asText();
            if (now.equals(status)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("session " + session + " is " + now + ", never became " + status);
    }
}
