package dev.chassis.server;

import static dev.chassis.server.WsClient.type;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chassis.talk.voice.Pcm;
import dev.chassis.testkit.speech.Speech;
import dev.chassis.voice.offline.PocketSphinx;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A voice session keeps its audio beside its journal: each spoken answer and each spoken reply is played back after a
 * restart as a WAV file whose samples are the ones the participant sent (and whose length is the answer's journaled
 * timing); a session resumed after a restart, whose audio file a crash had torn, appends to the same files with every
 * reference still right; a folder the audio cannot be written to leaves the interview going and says so in the journal,
 * the console's view and {@code /health}.
 */
class VoiceAudioTest {

    private static short[] first;
    private static short[] second;

    @BeforeAll
    static void speech() {
        assumeTrue(Speech.canSynthesise(), "espeak-ng is not installed (Debian: apt-get install espeak-ng); skipping");
        assumeTrue(Files.isDirectory(PocketSphinx.DEBIAN_MODEL), "pocketsphinx-en-us is not installed (Debian: apt-get install pocketsphinx-en-us); skipping");
        first = VoiceResumeTest.withSilence(Speech.synthesise("I like coffee.", "en-us+klatt", 140, 50));
        second = VoiceResumeTest.withSilence(Speech.synthesise("Mostly in the morning.", "en-us+klatt", 140, 50));
    }

    @Test
    void answers_and_replies_play_back_after_a_restart_and_a_resumed_session_appends_to_the_same_audio(@TempDir Path dir) throws Exception {
        String[] session;
        String token;
        JsonNode answer1;
        try (TestServer s = TestServer.start(dir)) {
            token = s.token;
            session = s.newSession(s.shortStudy());
            try (WsClient one = new WsClient(s.base(), session[1])) {
                VoiceInterviewTest.openSpoken(one);
                VoiceInterviewTest.stream(one, first);
                VoiceInterviewTest.until(one, m -> type("agent-end").test(m) && m.path("turn").asInt() == 1, 90);
                JsonNode voice = VoiceInterviewTest.voiceView(s, session[0], kept(1, "participant").and(kept(1, "interviewer")));
                answer1 = answer(voice, 1);
            }
        }
        Path browser = dir.resolve("audio").resolve(session[0] + ".browser.pcm");
        assertThat(browser).as("the microphone's file, named from the session").exists();
        long firstRun = Files.size(browser);   // what the server took of the first connection before it closed (the silence may be cut short)
        assertThat(firstRun).as("at least the first answer").isGreaterThanOrEqualTo(answer1.path("speechToMs").asLong() * 32).isEven();
        Files.write(browser, new byte[] {42}, StandardOpenOption.APPEND);   // as a write torn by kill -9 leaves it

        try (TestServer s = TestServer.start(TestServer.config(dir), token)) {
            Clip one = wav(s, session[0], 1, "participant");
            assertThat(one.rate).isEqualTo(16_000);
            long from = answer1.path("speechFromMs").asLong();
            long to = answer1.path("speechToMs").asLong();
            assertThat(one.samples.length).as("as long as the journaled answer").isEqualTo((to - from) * 16);
            assertThat(one.samples).as("the very samples sent").isEqualTo(Arrays.copyOfRange(first, (int) from * 16, (int) to * 16));
            Clip reply = wav(s, session[0], 1, "interviewer");
            assertThat(reply.samples.length).as("the reply spoken: %s samples", reply.samples.length).isGreaterThan(8_000);
            assertThat(rms(reply.samples)).as("and not silence").isGreaterThan(100);

            try (WsClient two = new WsClient(s.base(), session[1])) {   // the session resumes from its journal
                two.await(type("hello"), 60);
                two.send("{\"type\":\"voice\"}");
                two.send("{\"type\":\"start\"}");
                VoiceInterviewTest.stream(two, second);
                VoiceInterviewTest.until(two, m -> type("agent-end").test(m) && m.path("turn").asInt() == 2, 90);
                JsonNode voice = VoiceInterviewTest.voiceView(s, session[0], kept(2, "participant").and(kept(2, "interviewer")));
                JsonNode answer2 = answer(voice, 2);
                JsonNode kept2 = find(voice, 2, "participant");
                long from2 = answer2.path("speechFromMs").asLong();
                long to2 = answer2.path("speechToMs").asLong();
                assertThat(kept2.path("file").asText()).isEqualTo(browser.getFileName().toString());
                assertThat(kept2.path("fromByte").asLong()).as("after the first run's whole samples (the torn byte cut off)")
                        .isEqualTo(firstRun + from2 * 32);
                Clip answered = wav(s, session[0], 2, "participant");
                assertThat(answered.samples).isEqualTo(Arrays.copyOfRange(second, (int) from2 * 16, (int) to2 * 16));
                assertThat(wav(s, session[0], 1, "participant").samples).as("the first answer still where it was").isEqualTo(one.samples);
                assertThat(find(voice, 2, "interviewer").path("fromByte").asLong()).as("the replies one after the other in one file")
                        .isGreaterThanOrEqualTo(find(voice, 1, "interviewer").path("toByte").asLong());
                assertThat(wav(s, session[0], 1, "interviewer").samples).isEqualTo(reply.samples);
            }
            HttpResponse<String> missing = s.call("GET", "/api/sessions/" + session[0] + "/audio/7/participant", null);
            assertThat(missing.statusCode()).isEqualTo(404);
            assertThat(s.call("GET", "/api/sessions/" + session[0] + "/audio/1/speaker", null).statusCode()).isEqualTo(400);
            assertThat(s.call("GET", "/api/sessions/" + session[0] + "/audio/one/participant", null).statusCode()).isEqualTo(400);
            assertThat(s.send("GET", "/api/sessions/" + session[0] + "/audio/1/participant", null, java.util.Map.of()).statusCode())
                    .as("researchers only").isEqualTo(401);
        }
    }

    @Test
    void audio_that_cannot_be_written_leaves_the_interview_going_and_is_said_in_the_journal_the_console_and_health(@TempDir Path dir)
            throws Exception {
        Files.writeString(dir.resolve("audio"), "a file where the audio folder goes: no audio can be written");
        try (TestServer s = TestServer.start(dir)) {
            String[] session = s.newSession(s.shortStudy());
            try (WsClient ws = new WsClient(s.base(), session[1])) {
                VoiceInterviewTest.openSpoken(ws);
                VoiceInterviewTest.stream(ws, first);
                var seen = VoiceInterviewTest.until(ws, m -> type("agent-end").test(m) && m.path("turn").asInt() == 1, 90);
                assertThat(seen).as("the interview went on: the answer heard and replied to aloud").anyMatch(type("heard")).anyMatch(type("audio"));
            }
            JsonNode voice = VoiceInterviewTest.voiceView(s, session[0], v -> v.path("notKept").size() == 2 && v.path("turns").size() == 1);
            assertThat(voice.path("notKept").findValuesAsText("reason")).allMatch(r -> r.startsWith("the audio could not be written"));
            assertThat(voice.path("kept")).isEmpty();
            JsonNode health = TestServer.read(s.send("GET", "/health", null, java.util.Map.of()).body());
            assertThat(health.path("status").asText()).isEqualTo("degraded");
            assertThat(health.path("checks").path("audio").path("problem").asText()).startsWith("a voice session's audio could not be kept");
            HttpResponse<String> gone = s.call("GET", "/api/sessions/" + session[0] + "/audio/1/participant", null);
            assertThat(gone.statusCode()).isEqualTo(404);
            assertThat(gone.body()).contains("the audio could not be written");
        }
    }

    private static Predicate<JsonNode> kept(int turn, String track) {
        return v -> find(v, turn, track) != null;
    }

    private static JsonNode find(JsonNode voice, int turn, String track) {
        for (JsonNode k : voice.path("kept")) {
            if (k.path("turn").asInt() == turn && k.path("track").asText().equals(track)) {
                return k;
            }
        }
        return null;
    }

    private static JsonNode answer(JsonNode voice, int turn) {
        for (JsonNode a : voice.path("turns")) {
            if (a.path("turn").asInt() == turn) {
                return a;
            }
        }
        throw new AssertionError("no timings of the answer of turn " + turn + ": " + voice);
    }

    /** A WAV file read as a player would: its header checked, its samples. */
    record Clip(int rate, short[] samples) {
    }

    static Clip wav(TestServer s, String session, int turn, String track) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(s.base() + "/api/sessions/" + session
                + "/audio/" + turn + "/" + track)).header("Authorization", "Bearer " + s.token).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).as("%s", new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("audio/wav"));
        ByteBuffer b = ByteBuffer.wrap(r.body()).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(ascii(b, 0)).isEqualTo("RIFF");
        assertThat(b.getInt(4)).isEqualTo(r.body().length - 8);
        assertThat(ascii(b, 8) + ascii(b, 12)).isEqualTo("WAVEfmt ");
        assertThat(b.getShort(20)).as("PCM").isEqualTo((short) 1);
        assertThat(b.getShort(22)).as("mono").isEqualTo((short) 1);
        int rate = b.getInt(24);
        assertThat(b.getInt(28)).isEqualTo(rate * 2);
        assertThat(b.getShort(34)).as("16-bit").isEqualTo((short) 16);
        assertThat(ascii(b, 36)).isEqualTo("data");
        assertThat(b.getInt(40)).isEqualTo(r.body().length - 44);
        return new Clip(rate, Pcm.fromBytes(Arrays.copyOfRange(r.body(), 44, r.body().length)));
    }

    private static String ascii(ByteBuffer b, int at) {
        byte[] four = new byte[4];
        b.get(at, four);
        return new String(four, StandardCharsets.US_ASCII);
    }

    private static double rms(short[] s) {
        double sum = 0;
        for (short x : s) {
            sum += (double) x * x;
        }
        return Math.sqrt(sum / Math.max(1, s.length));
    }
}
