package dev.chassis.server;

import static dev.chassis.server.WsClient.type;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chassis.talk.voice.Pcm;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A participant who speaks over the interviewer's spoken opening in real time, the way a person does: its audio stops,
 * and the transcript keeps only the words whose sound had played by then, marked cut off.
 */
class VoiceBargeInTest {

    private static final int PIECE = 1_600;   // 100 ms, as the page sends
    private static final long LISTEN_MS = 1_500;
    private static short[] answer;

    @BeforeAll
    static void speech() {
        VoiceInterviewTest.speech();   // skips without the engines
        answer = VoiceInterviewTest.answer;
    }

    @Test
    void speaking_over_the_spoken_opening_keeps_only_what_was_heard_of_it(@TempDir Path dir) throws Exception {
        try (TestServer s = TestServer.start(dir)) {
            String[] session = s.newSession(s.shortStudy());
            try (WsClient ws = new WsClient(s.base(), session[1])) {
                ws.await(type("hello"), 30);
                ws.send("{\"type\":\"voice\"}");
                ws.send("{\"type\":\"start\"}");
                // every frame up to the first audio is kept: on a loaded machine the opening's text can end before its audio
                List<JsonNode> before = VoiceInterviewTest.until(ws, type("audio"), 150);
                JsonNode first = before.getLast();
                long playing = first.path("receivedNanos").asLong();   // the page starts playing what arrives

                // The person listens for a while, then answers in real time over the opening's audio.
                long[] onset = new long[1];
                Thread speaker = Thread.ofVirtual().start(() -> {
                    LockSupport.parkNanos(playing + LISTEN_MS * 1_000_000L - System.nanoTime());
                    long start = System.nanoTime();
                    onset[0] = start;
                    for (int i = 0, n = 0; i < answer.length; i += PIECE, n++) {
                        LockSupport.parkNanos(start + n * 100_000_000L - System.nanoTime());
                        ws.send(Pcm.toBytes(answer, i, Math.min(PIECE, answer.length - i)));
                    }
                });
                List<JsonNode> seen = VoiceInterviewTest.until(ws, m -> type("agent-end").test(m) && m.path("turn").asInt() == 1, 90);
                speaker.join();

                JsonNode interrupted = seen.stream().filter(m -> type("interrupted").test(m) && m.path("turn").asInt() == 0).findFirst()
                        .orElseThrow(() -> new AssertionError("the opening was not interrupted: " + seen));
                String opening = java.util.stream.Stream.concat(before.stream(), seen.stream())
                        .filter(m -> type("agent-end").test(m) && m.path("turn").asInt() == 0).findFirst()
                        .orElseThrow().path("text").asText();
                long stoppedAt = interrupted.path("receivedNanos").asLong();
                long audioBytes = seen.stream().takeWhile(m -> m != interrupted).filter(type("audio"))
                        .mapToLong(m -> m.path("bytes").asLong()).sum() + first.path("bytes").asLong();
                double playedShare = (stoppedAt - playing) / 1e9 / (audioBytes / 2.0 / 16_000);
                System.out.printf("barge-in: speech onset -> audio stopped (interrupted received) %d ms; played %.0f%% of %.1f s of opening%n",
                        (stoppedAt - onset[0]) / 1_000_000, playedShare * 100, audioBytes / 2.0 / 16_000);

                JsonNode line = s.json("GET", "/api/sessions/" + session[0] + "/state", null).path("transcript").get(0);
                String heard = line.path("text").asText();
                System.out.printf("heard '%s' of '%s'%n", heard, opening);
                assertThat(line.path("turn").asInt()).isZero();
                assertThat(line.path("cutOff").asBoolean()).as("marked cut off").isTrue();
                assertThat(opening).as("what was heard is the beginning of the opening").startsWith(heard);
                assertThat(heard).as("some of it was heard (%.1f s played), not all", (stoppedAt - playing) / 1e9).isNotBlank()
                        .hasSizeLessThan(opening.strip().length());
                assertThat(opening.charAt(heard.length())).as("cut at the end of a word: '%s' of '%s'", heard, opening)
                        .matches(c -> !Character.isLetterOrDigit(c));
                assertThat((double) heard.length() / opening.length()).as("the share heard follows the audio played: '%s' of '%s'", heard, opening)
                        .isBetween(playedShare - 0.25, playedShare + 0.1);

                JsonNode transcript = s.json("GET", "/api/sessions/" + session[0] + "/transcript", null);
                assertThat(transcript.path("turns").get(0).path("text").asText()).as("the research transcript too").isEqualTo(heard);

                // the console's view of it: the engines, the barge-in with what was heard, the answer's audio timings
                JsonNode voice = VoiceInterviewTest.voiceView(s, session[0], v -> v.path("turns").size() > 0
                        && v.path("bargeIns").path(0).path("heardCharacters").asInt(-1) >= 0);
                assertThat(voice.path("channel").asText()).isEqualTo("browser");
                assertThat(voice.path("recogniser").asText()).isEqualTo("pocketsphinx");
                assertThat(voice.path("synthesiser").asText()).isEqualTo("espeak-ng");
                JsonNode cut = voice.path("bargeIns").get(0);
                assertThat(cut.path("turn").asInt()).isZero();
                assertThat(cut.path("byVoice").asBoolean()).isTrue();
                assertThat(cut.path("stopMs").asDouble()).as("spoken over: the stop is timed").isNotNegative();
                assertThat(cut.path("heard").asText()).isEqualTo(heard);
                JsonNode answered = voice.path("turns").get(0);
                assertThat(answered.path("turn").asInt()).as("the reply to the spoken answer").isEqualTo(1);
                assertThat(answered.path("firstAudioMs").asDouble()).as("end of speech -> first audio")
                        .isGreaterThanOrEqualTo(answered.path("recognisedMs").asDouble()).isPositive();
            }
        }
    }
}
