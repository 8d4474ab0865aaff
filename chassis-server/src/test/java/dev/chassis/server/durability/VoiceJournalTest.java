package dev.chassis.server.durability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chassis.server.http.Json;
import dev.chassis.talk.voice.Pcm;
import dev.chassis.testkit.speech.Speech;
import dev.chassis.voice.offline.PocketSphinx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A spoken session's audio timings are journaled with its turns: after SIGKILL and a restart the console's voice view
 * still has every answer's timings that a confirmed turn followed, read from the session's journal, and the audio of each
 * confirmed answer plays back from the data folder's {@code audio} files, sample for sample what was sent.
 */
class VoiceJournalTest {

    private static final Path REPO = Path.of(System.getProperty("chassis.repo.dir", ".."));

    @Test
    void the_timings_of_confirmed_spoken_turns_survive_a_kill(@TempDir Path dir) throws Exception {
        assumeTrue(Speech.canSynthesise(), "espeak-ng is not installed (Debian: apt-get install espeak-ng); skipping");
        assumeTrue(Files.isDirectory(PocketSphinx.DEBIAN_MODEL), "pocketsphinx-en-us is not installed (Debian: apt-get install pocketsphinx-en-us); skipping");
        Path data = dir.resolve("data");
        ServerProcess.Launcher launcher = ServerProcess.Launcher.prepare(REPO.resolve("examples"));
        ServerProcess server = ServerProcess.start(launcher, data, "h2");
        JsonNode before;
        String session;
        short[][] spoken;
        try {
            String study = http(server, "POST", "/api/studies", Json.write(Map.of("guideYaml",
                    Files.readString(Path.of("src/test/resources/short-guide.yaml")), "source", "short.yaml"))).path("study").path("id").asText();
            JsonNode created = http(server, "POST", "/api/studies/" + study + "/sessions", "{}");
            session = created.path("session").path("id").asText();
            Socket ws = new Socket(server.base, created.path("token").asText());
            ws.socket.sendText("{\"type\":\"voice\"}", true).join();
            ws.socket.sendText("{\"type\":\"start\"}", true).join();
            ws.await(m -> m.path("type").asText().equals("agent-end") && m.path("turn").asInt() == 0, 120);

            short[] first = ws.speak("I like coffee.");
            ws.await(m -> m.path("type").asText().equals("agent-end") && m.path("turn").asInt() == 1, 90);
            voice(server, session, v -> v.path("turns").size() >= 1, 60);   // its reply's first audio went out
            short[] second = ws.speak("I go to work by train.");
            ws.await(m -> m.path("type").asText().equals("agent-end") && m.path("turn").asInt() == 2, 90);   // confirmed: journaled
            before = voice(server, session, v -> v.path("turns").size() >= 1, 5);
            spoken = new short[][] {first, second};
        } finally {
            server.kill();
        }
        assertThat(data.resolve("audio").resolve(session + ".browser.pcm")).as("the microphone's file beside the journal").exists();

        ServerProcess again = ServerProcess.start(launcher, data, "h2");
        try {
            JsonNode after = voice(again, session, v -> v.path("turns").size() >= 1, 30);
            assertThat(after.path("channel").asText()).isEqualTo("browser");
            assertThat(after.path("recogniser").asText()).isEqualTo(before.path("recogniser").asText());
            JsonNode first = before.path("turns").get(0);
            assertThat(after.path("turns").get(0)).as("the first answer's timings, as before the kill").isEqualTo(first);
            assertThat(first.path("turn").asInt()).isEqualTo(1);
            assertThat(first.path("firstAudioMs").asDouble()).isPositive();
            assertThat(first.path("waitedMs").asDouble()).isEqualTo(first.path("endOfTurn").path("neededMs").asDouble(), org.assertj.core.data.Offset.offset(40.0));
            assertThat(first.path("speechToMs").asLong()).isGreaterThan(first.path("speechFromMs").asLong());
            // each confirmed answer's audio: the samples sent, from the first answer's stream position (both on one connection)
            short[] stream = java.util.stream.Stream.of(spoken).reduce((a, b) -> {
                short[] ab = Arrays.copyOf(a, a.length + b.length);
                System.arraycopy(b, 0, ab, a.length, b.length);
                return ab;
            }).orElseThrow();
            for (JsonNode answer : after.path("turns")) {
                int from = answer.path("speechFromMs").asInt() * 16;
                int to = answer.path("speechToMs").asInt() * 16;
                assertThat(wavSamples(again, session, answer.path("turn").asInt())).as("turn %s's answer", answer.path("turn"))
                        .isEqualTo(Arrays.copyOfRange(stream, from, to));
            }
        } finally {
            again.kill();
        }
    }

    /** The samples of a turn's kept answer, from the WAV file the server gives a researcher. */
    private static short[] wavSamples(ServerProcess server, String session, int turn) throws Exception {
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.base + "/api/sessions/" + session
                + "/audio/" + turn + "/participant")).header("Authorization", "Bearer " + server.token).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).as("turn %s's audio: %s", turn, new String(r.body(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(new String(r.body(), 0, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("RIFF");
        return Pcm.fromBytes(Arrays.copyOfRange(r.body(), 44, r.body().length));
    }

    /** The session's voice view once {@code ready} holds of it; fails after {@code seconds}. */
    private static JsonNode voice(ServerProcess server, String session, Predicate<JsonNode> ready, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        JsonNode v = http(server, "GET", "/api/sessions/" + session + "/state", null).path("voice");
        while (!(v.isObject() && ready.test(v)) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            v = http(server, "GET", "/api/sessions/" + session + "/state", null).path("voice");
        }
        assertThat(v.isObject() && ready.test(v)).as("the voice view: %s", v).isTrue();
        return v;
    }

    private static JsonNode http(ServerProcess server, String method, String path, String body) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.base + path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + server.token).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("%s %s: %s", method, path, r.body()).isLessThan(300);
        return Json.MAPPER.readTree(r.body());
    }

    /** A participant's socket: its text messages in a queue; speech goes as the page sends it, in 100 ms pieces. */
    private static final class Socket implements WebSocket.Listener {
        private final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
        private final StringBuilder text = new StringBuilder();
        final WebSocket socket;

        Socket(String base, String token) {
            socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(30))
                    .buildAsync(URI.create(base.replace("http://", "ws://") + "/ws/p/" + token), this).join();
        }

        @Override
        public CompletionStage<?> onText(WebSocket w, CharSequence d, boolean last) {
            text.append(d);
            if (last) {
                try {
                    received.add(Json.MAPPER.readTree(text.toString()));
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
                text.setLength(0);
            }
            w.request(1);
            return null;
        }

        /** Sends the words spoken, then two seconds of silence; returns what it sent. */
        short[] speak(String words) {
            short[] said = Speech.synthesise(words, "en-us+f2", 150, 50);
            short[] audio = Arrays.copyOf(said, said.length + 16_000 * 2);
            for (int i = 0; i < audio.length; i += 1_600) {
                socket.sendBinary(ByteBuffer.wrap(Pcm.toBytes(audio, i, Math.min(1_600, audio.length - i))), true).join();
            }
            return audio;
        }

        void await(Predicate<JsonNode> p, int seconds) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (System.nanoTime() < deadline) {
                JsonNode m = received.poll(100, TimeUnit.MILLISECONDS);
                if (m != null && p.test(m)) {
                    return;
                }
            }
            throw new AssertionError("no matching message within " + seconds + " s");
        }
    }
}
