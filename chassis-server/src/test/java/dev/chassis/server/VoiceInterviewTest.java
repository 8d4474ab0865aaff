package dev.chassis.server;

import static dev.chassis.server.WsClient.type;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chassis.talk.voice.Pcm;
import dev.chassis.testkit.speech.Speech;
import dev.chassis.voice.offline.PocketSphinx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A voice interview over the participant WebSocket with the offline engines: espeak-ng speech goes in as 16 kHz PCM,
 * Silero VAD and the end-of-turn detector find the turn, pocketsphinx recognises it, and the reply comes back spoken
 * (binary messages) with its captions; speaking over the interviewer's audio cuts it off.
 */
class VoiceInterviewTest {

    static short[] answer;

    @BeforeAll
    static void speech() {
        assumeTrue(Speech.canSynthesise(), "espeak-ng is not installed (Debian: apt-get install espeak-ng); skipping");
        assumeTrue(Files.isDirectory(PocketSphinx.DEBIAN_MODEL), "pocketsphinx-en-us is not installed (Debian: apt-get install pocketsphinx-en-us); skipping");
        short[] said = Speech.synthesise("I like coffee.", "en-us+f2", 150, 50);
        answer = Arrays.copyOf(said, said.length + 16_000 * 2);   // then two seconds of silence
    }

    @Test
    void a_participant_speaks_over_the_opening_is_heard_and_hears_the_reply(@TempDir Path dir) throws Exception {
        try (TestServer s = TestServer.start(dir)) {
            String[] session = s.newSession(s.shortStudy());
            try (WsClient ws = new WsClient(s.base(), session[1])) {
                openSpoken(ws);   // the opening is spoken: its first audio arrived, the rest plays for seconds

                stream(ws, answer);   // the participant answers over it

                List<JsonNode> seen = until(ws, m -> type("agent-end").test(m) && m.path("turn").asInt() == 1, 60);
                int interrupted = index(seen, m -> type("interrupted").test(m) && m.path("turn").asInt() == 0);
                int heard = index(seen, type("heard"));
                int replyStart = index(seen, m -> type("agent-start").test(m) && m.path("turn").asInt() == 1);
                assertThat(interrupted).as("the opening's audio was cut: %s", seen).isNotNegative();
                assertThat(seen.subList(interrupted, replyStart)).as("no audio of the cut opening after the interruption")
                        .noneMatch(type("audio"));
                assertThat(heard).as("the answer was heard before the reply").isNotNegative().isLessThan(replyStart);
                String words = seen.get(heard).path("text").asText();
                assertThat(words).as("recognised").contains("coffee");
                assertThat(seen.subList(replyStart, seen.size())).as("the reply is spoken").anyMatch(type("audio"))
                        .as("and captioned").anyMatch(type("token"));

                JsonNode transcript = s.json("GET", "/api/sessions/" + session[0] + "/transcript", null);
                // the opening keeps only what had played of it (likely nothing: the answer came at once), then the answer
                JsonNode answered = null;
                for (JsonNode t : transcript.path("turns")) {
                    if (t.path("speaker").asText().equals("participant")) {
                        answered = t;
                        break;
                    }
                }
                assertThat(answered).as("the answer is in the transcript: %s", transcript).isNotNull();
                assertThat(answered.path("text").asText()).isEqualTo(words);
            }
        }
    }

    /** Says the participant will speak and starts the interview; returns the opening's first audio message. */
    static JsonNode openSpoken(WsClient ws) throws InterruptedException {
        ws.await(type("hello"), 30);
        ws.send("{\"type\":\"voice\"}");
        ws.send("{\"type\":\"start\"}");
        ws.await(type("agent-start"), 90);   // the speech engines load first: long on a loaded machine
        return ws.await(type("audio"), 60);
    }

    /** The console's voice view of a session once {@code ready} holds of it (its parts arrive as the audio plays); fails after 60 s. */
    static JsonNode voiceView(TestServer s, String session, Predicate<JsonNode> ready) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        JsonNode voice = s.json("GET", "/api/sessions/" + session + "/state", null).path("voice");
        while (!(voice.isObject() && ready.test(voice)) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            voice = s.json("GET", "/api/sessions/" + session + "/state", null).path("voice");
        }
        assertThat(voice.isObject() && ready.test(voice)).as("the session's voice view: %s", voice).isTrue();
        return voice;
    }

    /** Sends audio as the page does: 100 ms pieces. */
    static void stream(WsClient ws, short[] audio) {
        for (int i = 0; i < audio.length; i += 1_600) {
            ws.send(Pcm.toBytes(audio, i, Math.min(1_600, audio.length - i)));
        }
    }

    /** Every message up to and including the first matching {@code end}; fails after {@code seconds}. */
    static List<JsonNode> until(WsClient ws, Predicate<JsonNode> end, int seconds) throws InterruptedException {
        List<JsonNode> seen = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            JsonNode m = ws.received.poll(100, TimeUnit.MILLISECONDS);
            if (m != null) {
                seen.add(m);
                if (end.test(m)) {
                    return seen;
                }
            }
        }
        throw new AssertionError("no matching message within " + seconds + " s; saw " + seen);
    }

    static int index(List<JsonNode> seen, Predicate<JsonNode> p) {
        for (int i = 0; i < seen.size(); i++) {
            if (p.test(seen.get(i))) {
                return i;
            }
        }
        return -1;
    }
}
