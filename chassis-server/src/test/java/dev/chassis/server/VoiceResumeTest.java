package dev.chassis.server;

import static dev.chassis.server.WsClient.type;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chassis.testkit.speech.Speech;
import dev.chassis.voice.offline.PocketSphinx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A voice interview whose connection drops while the interviewer's reply is being spoken: a new connection resumes the
 * same session, the person's next spoken answer is heard as the next turn and answered aloud, and the journal holds every
 * turn once, as a server started again on the same folder reads it.
 */
class VoiceResumeTest {

    private static short[] first;

    @BeforeAll
    static void speech() {
        assumeTrue(Speech.canSynthesise(), "espeak-ng is not installed (Debian: apt-get install espeak-ng); skipping");
        assumeTrue(Files.isDirectory(PocketSphinx.DEBIAN_MODEL), "pocketsphinx-en-us is not installed (Debian: apt-get install pocketsphinx-en-us); skipping");
        first = withSilence(Speech.synthesise("I like coffee.", "en-us+klatt", 140, 50));
    }

    @Test
    void a_connection_dropped_while_the_interviewer_speaks_resumes_the_spoken_interview_without_losing_or_doubling_a_turn(@TempDir Path dir) throws Exception {
        String[] session;
        JsonNode before;
        String token;
        String heard;
        try (TestServer s = TestServer.start(dir)) {
            token = s.token;
            session = s.newSession(s.shortStudy());
            WsClient one = new WsClient(s.base(), session[1]);
            VoiceInterviewTest.openSpoken(one);   // the opening is being spoken (seconds of audio)...
            one.drop();                           // ...when the connection drops
            ResumeTest.awaitStatus(s, session[0], "paused");

            try (WsClient two = new WsClient(s.base(), session[1])) {
                JsonNode hello = two.await(type("hello"), 60);
                assertThat(hello.path("started").asBoolean()).isTrue();
                assertThat(hello.path("transcript")).as("the opening, shown again").hasSize(1);
                two.send("{\"type\":\"voice\"}");   // as the page does on every connection while its microphone is on
                two.send("{\"type\":\"start\"}");   // and "start" once started: no second opening
                VoiceInterviewTest.stream(two, first);
                List<JsonNode> seen = VoiceInterviewTest.until(two, m -> type("agent-end").test(m) && m.path("turn").asInt() == 1, 60);
                assertThat(seen).as("no second opening: %s", seen).noneMatch(m -> type("agent-start").test(m) && m.path("turn").asInt() == 0);
                assertThat(seen).as("the answer is no barge-in: the opening's audio stopped with the connection: %s", seen)
                        .noneMatch(type("interrupted"));
                assertThat(seen).as("the answer over the new connection was heard: %s", seen).anyMatch(type("heard"));
                int start = VoiceInterviewTest.index(seen, m -> type("agent-start").test(m) && m.path("turn").asInt() == 1);
                assertThat(seen.subList(start, seen.size())).as("and answered aloud on it: %s", seen).anyMatch(type("audio"));
                assertThat(seen.subList(0, Math.max(0, start))).as("no audio of the opening on the new connection: %s", seen)
                        .noneMatch(type("audio"));
                heard = seen.stream().filter(type("heard")).findFirst().orElseThrow().path("text").asText();
            }
            Thread.sleep(300);   // the answer's monitors land in the state behind the reply
            before = s.json("GET", "/api/sessions/" + session[0] + "/state", null);
            JsonNode lines = before.path("transcript");
            assertThat(lines.findValuesAsText("speaker")).as("%s", lines).containsExactly("interviewer", "participant", "interviewer");
            assertThat(lines.get(1).path("text").asText()).isEqualTo(heard);
            assertThat(lines.findValues("cutOff")).as("the opening spoken as the connection dropped is kept whole: %s", lines)
                    .allMatch(c -> !c.asBoolean());
            assertThat(before.path("voice").path("turns")).as("the answer's audio timings: %s", before.path("voice")).hasSize(1);
        }
        try (TestServer s = TestServer.start(TestServer.config(dir), token)) {
            JsonNode after = s.json("GET", "/api/sessions/" + session[0] + "/state", null);
            assertThat(after.path("transcript")).as("the journal read again").isEqualTo(before.path("transcript"));
            assertThat(after.path("voice").path("turns")).isEqualTo(before.path("voice").path("turns"));
        }
    }

    /** Speech, then two seconds of silence (longer than any end of turn waits). */
    static short[] withSilence(short[] said) {
        return Arrays.copyOf(said, said.length + 16_000 * 2);
    }
}
