package dev.chassis.server;

import static dev.chassis.server.WsClient.type;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chassis.server.live.Interviews;
import dev.chassis.server.live.Peer;
import dev.chassis.talk.channel.Frame;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A participant's connection that closes while the server is still attaching it to its interview (its close handler
 * runs first and finds nothing to detach) must not keep the interview held: it is released after the usual grace,
 * not after the idle timeout (issue 11.9: a second path that held sessions after a thousand participants left at once).
 */
class ClosedBeforeAttachTest {

    @Test
    void a_connection_closed_before_it_was_attached_does_not_hold_its_interview(@TempDir Path dir) throws Exception {
        try (TestServer s = TestServer.start(TestServer.config(dir).withIdleTimeout(Duration.ofMinutes(30)), null)) {
            String[] session = s.newSession(s.shortStudy());
            try (WsClient ws = new WsClient(s.base(), session[1])) {   // an interview begun, then left: released after the grace
                ws.await(type("hello"), 60);
                ws.send("{\"type\":\"start\"}");
                ws.await(type("agent-end"), 30);
            }
            awaitReleased(s);
            List<Frame.Out> sent = new CopyOnWriteArrayList<>();
            Peer closedAlready = new Peer() {
                @Override
                public void send(Frame.Out frame) {
                    sent.add(frame);
                }

                @Override
                public void close(int code, String reason) { }

                @Override
                public boolean closed() {
                    return true;   // its close handler ran before the attach, and its Stop found no interview to leave
                }
            };
            interviews(s.server).connect(session[0], closedAlready);   // the participant comes back, and is gone at once
            assertThat(s.server.liveSessions()).as("attaching resumed the begun interview").isEqualTo(1);
            awaitReleased(s);
        }
    }

    private static void awaitReleased(TestServer s) throws InterruptedException {
        long start = System.nanoTime();
        while (s.server.liveSessions() > 0) {
            assertThat(System.nanoTime() - start).as("released after the grace (%s), not the idle timeout (30 min)", Interviews.RELEASE_AFTER)
                    .isLessThan(Duration.ofSeconds(60).toNanos());
            Thread.sleep(100);
        }
    }

    private static Interviews interviews(ChassisServer server) throws ReflectiveOperationException {
        var field = ChassisServer.class.getDeclaredField("interviews");
        field.setAccessible(true);
        return (Interviews) field.get(server);
    }
}
