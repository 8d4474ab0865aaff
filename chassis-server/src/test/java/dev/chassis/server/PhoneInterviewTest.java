package dev.chassis.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chassis.talk.voice.MuLaw;
import dev.chassis.talk.voice.Pcm;
import dev.chassis.testkit.speech.Speech;
import dev.chassis.voice.cloud.SpeechServers;
import dev.chassis.voice.offline.PocketSphinx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A phone interview through the Twilio Media Streams adapter: a client replays what Twilio sends on a call
 * ({@code connected}, {@code start}, {@code media} in 20 ms pieces of 8 kHz μ-law, {@code mark} echoes, {@code stop})
 * carrying espeak-ng speech brought to 8 kHz μ-law, and reads what comes back ({@code media}, {@code mark},
 * {@code clear}).
 */
class PhoneInterviewTest {

    static short[] answer;
    static short[] second;

    @BeforeAll
    static void speech() {
        assumeTrue(Speech.canSynthesise(), "espeak-ng is not installed (Debian: apt-get install espeak-ng); skipping");
        assumeTrue(Files.isDirectory(PocketSphinx.DEBIAN_MODEL), "pocketsphinx-en-us is not installed (Debian: apt-get install pocketsphinx-en-us); skipping");
        answer = phone(Speech.synthesise("I like coffee.", "en-us+f2", 150, 50));
        second = phone(Speech.synthesise("I go to work by train.", "en-us+f2", 150, 50));
    }

    /** 16 kHz speech as a telephone carries it: 8 kHz, then two seconds of silence. */
    private static short[] phone(short[] speech16k) {
        short[] at8k = Pcm.resample(speech16k, 16_000, 8_000);
        return Arrays.copyOf(at8k, at8k.length + 8_000 * 2);
    }

    @Test
    void a_call_is_interviewed_by_voice_barge_in_clears_and_an_echoed_mark_ends_the_playback(@TempDir Path dir) throws Exception {
        try (TestServer s = TestServer.start(dir)) {
            String[] session = s.newSession(s.shortStudy());
            try (Twilio call = new Twilio(s.base(), session[1])) {
                call.send("{\"event\":\"connected\",\"protocol\":\"Call\",\"version\":\"1.0.0\"}");
                call.send("{\"event\":\"start\",\"sequenceNumber\":\"1\",\"streamSid\":\"MZ0001\",\"start\":{\"streamSid\":\"MZ0001\","
                        + "\"accountSid\":\"AC0001\",\"callSid\":\"CA0001\",\"tracks\":[\"inbound\"],\"customParameters\":{},"
                        + "\"mediaFormat\":{\"encoding\":\"audio/x-mulaw\",\"sampleRate\":8000,\"channels\":1}}}");

                JsonNode first = call.await(event("media"), 90);   // the opening, spoken: the engines load first
                assertThat(first.path("streamSid").asText()).isEqualTo("MZ0001");
                short[] opening = MuLaw.decode(Base64.getDecoder().decode(first.path("media").path("payload").asText()));
                assertThat(opening).as("8 kHz mu-law audio").isNotEmpty();
                call.await(event("mark"), 30);

                call.speak(answer);   // over the opening, which plays for seconds: a barge-in
                List<JsonNode> afterBargeIn = call.until(event("clear"), 60);
                assertThat(afterBargeIn.getLast().path("streamSid").asText()).isEqualTo("MZ0001");

                // the answer is recognised and the reply comes back spoken, each piece followed by its mark
                JsonNode replyAudio = call.await(event("media"), 90);
                assertThat(replyAudio.path("media").path("payload").asText()).isNotEmpty();
                String lastMark = call.quiet(2).stream().filter(event("mark")).map(m -> m.path("mark").path("name").asText())
                        .reduce((a, b) -> b).orElseThrow();
                // words recognised: pocketsphinx's 16 kHz model hears telephone audio poorly, so which words is not checked
                assertThat(answers(s, session[0])).as("the answer heard over the phone is the participant's line").hasSize(1);

                // Twilio says the reply has played (its last mark): speaking now is an answer, not a barge-in
                call.send("{\"event\":\"mark\",\"sequenceNumber\":\"9\",\"streamSid\":\"MZ0001\",\"mark\":{\"name\":\"" + lastMark + "\"}}");
                call.speak(second);
                List<JsonNode> next = call.until(event("media"), 90);
                assertThat(next).as("no clear: the mark said the audio was over").noneMatch(event("clear"));

                call.send("{\"event\":\"stop\",\"sequenceNumber\":\"99\",\"streamSid\":\"MZ0001\",\"stop\":{\"accountSid\":\"AC0001\",\"callSid\":\"CA0001\"}}");
                assertThat(answers(s, session[0])).hasSize(2);
                // the console shows the call as a phone session, with the barge-in and the answers' audio timings
                JsonNode voice = VoiceInterviewTest.voiceView(s, session[0], v -> v.path("turns").size() >= 2 && v.path("bargeIns").size() >= 1);
                assertThat(voice.path("channel").asText()).isEqualTo("phone");
                assertThat(voice.path("bargeIns").path(0).path("turn").asInt()).isZero();
                assertThat(voice.path("bargeIns").path(0).path("byVoice").asBoolean()).isTrue();
                // the call's audio is kept at 8 kHz as it came: each answer plays back as the mu-law the call sent, decoded
                short[] call8k = Arrays.copyOf(answer, answer.length + second.length);
                System.arraycopy(second, 0, call8k, answer.length, second.length);
                short[] sent = MuLaw.decode(MuLaw.encode(call8k));
                for (JsonNode a : voice.path("turns")) {
                    VoiceAudioTest.Clip kept = VoiceAudioTest.wav(s, session[0], a.path("turn").asInt(), "participant");
                    assertThat(kept.rate()).isEqualTo(8_000);
                    assertThat(kept.samples()).as("turn %s's answer", a.path("turn"))
                            .isEqualTo(Arrays.copyOfRange(sent, a.path("speechFromMs").asInt() * 8, a.path("speechToMs").asInt() * 8));
                }
            }
        }
    }

    @Test
    void a_stream_in_another_audio_format_is_refused_with_a_reason(@TempDir Path dir) throws Exception {
        try (TestServer s = TestServer.start(dir)) {
            String[] session = s.newSession(s.shortStudy());
            try (Twilio call = new Twilio(s.base(), session[1])) {
                call.send("{\"event\":\"start\",\"streamSid\":\"MZ0002\",\"start\":{\"streamSid\":\"MZ0002\",\"mediaFormat\":"
                        + "{\"encoding\":\"audio/l16\",\"sampleRate\":16000,\"channels\":1}}}");
                assertThat(call.closed.get(30, TimeUnit.SECONDS)).isEqualTo("1003 only 8 kHz mono mu-law audio is supported (Twilio Media Streams)");
            }
        }
    }

    @Test
    void a_call_can_be_heard_and_spoken_by_cloud_engines_at_their_own_rates(@TempDir Path dir) throws Exception {
        Map<String, String> settings = Map.of("CHASSIS_PHONE_STT", "deepgram:nova-3", "CHASSIS_PHONE_TTS", "openai:gpt-4o-mini-tts#alloy",
                "DEEPGRAM_API_KEY", SpeechServers.KEY, "OPENAI_API_KEY", SpeechServers.KEY);
        try (SpeechServers cloud = new SpeechServers()) {
            settings.forEach(System::setProperty);
            System.setProperty("DEEPGRAM_BASE_URL", cloud.base());
            System.setProperty("OPENAI_BASE_URL", cloud.base());
            try (TestServer s = TestServer.start(dir)) {
                String[] session = s.newSession(s.shortStudy());
                try (Twilio call = new Twilio(s.base(), session[1])) {
                    call.send("{\"event\":\"start\",\"streamSid\":\"MZ0001\",\"start\":{\"streamSid\":\"MZ0001\",\"mediaFormat\":"
                            + "{\"encoding\":\"audio/x-mulaw\",\"sampleRate\":8000,\"channels\":1}}}");
                    // the opening, spoken by the simulated OpenAI speech (a quarter second a word at 24 kHz), reaches the call
                    // as 8 kHz mu-law of the same length
                    call.await(event("media"), 90);
                    List<JsonNode> opening = call.quiet(3);
                    long bytes = opening.stream().filter(event("media"))
                            .mapToLong(m -> Base64.getDecoder().decode(m.path("media").path("payload").asText()).length).sum();
                    String said = s.json("GET", "/api/sessions/" + session[0] + "/transcript", null).path("turns").get(0).path("text").asText();
                    long words = 0;
                    for (String sentence : said.split("(?<=[.?!])\\s+")) {
                        words += sentence.strip().split("\\s+").length;
                    }
                    assertThat(bytes + 0.0).as("8 kHz mu-law: 2,000 bytes for each quarter-second word of %s", said)
                            .isBetween((words * 2_000 - 160) * 0.98, words * 2_000 * 1.02);
                    String lastMark = opening.stream().filter(event("mark")).map(m -> m.path("mark").path("name").asText())
                            .reduce((a, b) -> b).orElseThrow();
                    call.send("{\"event\":\"mark\",\"streamSid\":\"MZ0001\",\"mark\":{\"name\":\"" + lastMark + "\"}}");

                    // the caller's answer reaches Deepgram as the call carried it, 8 kHz mu-law, as its socket was told
                    call.speak(answer);
                    call.await(event("media"), 90);   // the reply
                    List<String> answers = answers(s, session[0]);
                    assertThat(answers).hasSize(1);
                    assertThat(String.join(" ", SpeechServers.SENTENCE).toLowerCase(java.util.Locale.ROOT))
                            .as("the simulated Deepgram's words for the audio it received").startsWith(answers.getFirst().toLowerCase(java.util.Locale.ROOT));
                    assertThat(cloud.seen.get("listen.query")).contains("encoding=mulaw").contains("sample_rate=8000");
                    short[] sent = MuLaw.decode(MuLaw.encode(answer));   // the call's samples (mu-law's two zeros read as one)
                    short[] heard = MuLaw.decode(cloud.listenedAudio());
                    assertThat(heard.length).as("8 kHz mu-law samples Deepgram received").isPositive().isLessThanOrEqualTo(sent.length);
                    assertThat(java.util.Collections.indexOfSubList(asList(sent), asList(heard)))
                            .as("what Deepgram heard is a stretch of the call's own audio, sample for sample").isNotNegative();
                    assertThat(cloud.seen.get("speech.format")).isEqualTo("pcm");
                    JsonNode voice = VoiceInterviewTest.voiceView(s, session[0], v -> v.path("turns").size() >= 1);
                    assertThat(voice.path("channel").asText()).isEqualTo("phone");
                    assertThat(voice.path("recogniser").asText()).isEqualTo("deepgram:nova-3");
                    assertThat(voice.path("synthesiser").asText()).isEqualTo("openai:gpt-4o-mini-tts#alloy");
                }
            }
        } finally {
            settings.keySet().forEach(System::clearProperty);
            System.clearProperty("DEEPGRAM_BASE_URL");
            System.clearProperty("OPENAI_BASE_URL");
        }
    }

    private static List<Short> asList(short[] samples) {
        List<Short> out = new java.util.ArrayList<>(samples.length);
        for (short v : samples) {
            out.add(v);
        }
        return out;
    }

    /** The participant's lines of the session's transcript, each with words. */
    private static List<String> answers(TestServer s, String session) {
        List<String> out = new ArrayList<>();
        for (JsonNode t : s.json("GET", "/api/sessions/" + session + "/transcript", null).path("turns")) {
            if (t.path("speaker").asText().equals("participant") && !t.path("text").asText().isBlank()) {
                out.add(t.path("text").asText());
            }
        }
        return out;
    }

    private static Predicate<JsonNode> event(String name) {
        return m -> m.path("event").asText().equals(name);
    }

    /** What Twilio's side of a Media Stream does, driven by the test. */
    private static final class Twilio implements AutoCloseable {
        final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
        final java.util.concurrent.CompletableFuture<String> closed = new java.util.concurrent.CompletableFuture<>();
        private final WebSocket socket;
        private final StringBuilder partial = new StringBuilder();
        private int chunk;

        Twilio(String base, String token) {
            socket = HttpClient.newHttpClient().newWebSocketBuilder()
                    .buildAsync(URI.create(base.replace("http://", "ws://") + "/ws/phone/" + token), new WebSocket.Listener() {
                        @Override
                        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                            partial.append(data);
                            if (last) {
                                received.add(TestServer.read(partial.toString()));
                                partial.setLength(0);
                            }
                            ws.request(1);
                            return null;
                        }

                        @Override
                        public CompletionStage<?> onClose(WebSocket ws, int code, String reason) {
                            closed.complete(code + " " + reason);
                            return null;
                        }
                    }).join();
        }

        void send(String json) {
            socket.sendText(json, true).join();
        }

        /** The caller speaks: 20 ms media messages of 8 kHz mu-law, as Twilio sends them (a little faster than real time). */
        void speak(short[] audio) throws InterruptedException {
            for (int i = 0; i < audio.length; i += 160) {
                byte[] ulaw = MuLaw.encode(Arrays.copyOfRange(audio, i, Math.min(audio.length, i + 160)));
                chunk++;
                send("{\"event\":\"media\",\"sequenceNumber\":\"" + (chunk + 1) + "\",\"streamSid\":\"MZ0001\",\"media\":{\"track\":\"inbound\","
                        + "\"chunk\":\"" + chunk + "\",\"timestamp\":\"" + chunk * 20 + "\",\"payload\":\""
                        + Base64.getEncoder().encodeToString(ulaw) + "\"}}");
                if (chunk % 5 == 0) {
                    Thread.sleep(50);
                }
            }
        }

        JsonNode await(Predicate<JsonNode> p, int seconds) throws InterruptedException {
            return until(p, seconds).getLast();
        }

        /** Every message up to and including the first matching one; fails after {@code seconds}. */
        List<JsonNode> until(Predicate<JsonNode> p, int seconds) throws InterruptedException {
            List<JsonNode> seen = new ArrayList<>();
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (System.nanoTime() < end) {
                JsonNode m = received.poll(100, TimeUnit.MILLISECONDS);
                if (m != null) {
                    seen.add(m);
                    if (p.test(m)) {
                        return seen;
                    }
                }
            }
            throw new AssertionError("no matching message within " + seconds + " s; saw " + seen.size() + " others");
        }

        /** Every message until none came for {@code seconds}. */
        List<JsonNode> quiet(int seconds) throws InterruptedException {
            List<JsonNode> seen = new ArrayList<>();
            for (JsonNode m; (m = received.poll(seconds, TimeUnit.SECONDS)) != null; ) {
                seen.add(m);
            }
            return seen;
        }

        @Override
        public void close() {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").exceptionally(e -> null);
        }
    }
}
