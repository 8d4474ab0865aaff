package dev.chassis.server;

import static dev.chassis.server.WsClient.type;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chassis.testkit.server.Latency;
import dev.chassis.testkit.server.SimulatedModelServer;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A session whose participant left while its reply was streaming is released even when the model's stream stalls: the
 * reply to nobody is cut after the release has waited as long again (issue 11.9: the last sessions of a thousand dropped
 * at once were held for minutes, replies streaming to nobody until the model's read timeout).
 */
class StalledReplyReleaseTest {

    /** The release grace here (the idle timeout caps it): short, so the test takes seconds. */
    private static final Duration GRACE = Duration.ofSeconds(2);

    @Test
    void a_reply_stalled_mid_stream_does_not_keep_a_session_nobody_is_connected_to(@TempDir Path dir) throws Exception {
        // the first words come at once, the next a minute later: a stream stalled mid-reply (the read timeout is 120 s)
        try (SimulatedModelServer model = SimulatedModelServer.builder().keepRequests(0).timeToFirstToken(Latency.fixed(Duration.ofMillis(10)))
                .interTokenDelay(Latency.fixed(Duration.ofSeconds(60))).replies("Hello there, and welcome to this conversation about mornings.").start();
             TestServer s = TestServer.start(TestServer.config(dir).withModel(model.modelString()).withIdleTimeout(GRACE), null)) {
            String[] session = s.newSession(s.shortStudy());
            try (WsClient ws = new WsClient(s.base(), session[1])) {
                ws.await(type("hello"), 60);
                ws.send("{\"type\":\"start\"}");
                ws.await(type("token"), 60);   // the reply has begun, and stalls
            }
            long left = System.nanoTime();
            while (s.server.liveSessions() > 0) {
                assertThat(System.nanoTime() - left).as("released well before the stalled stream's next word (60 s)")
                        .isLessThan(Duration.ofSeconds(40).toNanos());
                Thread.sleep(100);
            }
            try (WsClient again = new WsClient(s.base(), session[1])) {
                JsonNode hello = again.await(type("hello"), 60);
                JsonNode opening = hello.path("transcript").get(0);
                assertThat(opening.path("cutOff").asBoolean()).as("the reply to nobody is kept as far as it went, marked cut off").isTrue();
                assertThat(opening.path("text").asText()).isNotEmpty();
            }
        }
    }
}
