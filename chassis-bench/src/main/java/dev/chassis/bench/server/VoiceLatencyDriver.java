package dev.chassis.bench.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chassis.bench.Percentiles;
import dev.chassis.server.ChassisServer;
import dev.chassis.server.ServerConfig;
import dev.chassis.talk.voice.Pcm;
import dev.chassis.testkit.speech.Speech;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * End of speech → first audio byte on a voice interview over the participant WebSocket, with the offline engines
 * (Silero VAD, adaptive end of turn, pocketsphinx, espeak-ng) and the offline interviewer: a participant speaks each
 * answer in real time (espeak-ng speech, 100 ms pieces every 100 ms, then silence), and the time runs from the moment
 * the last piece holding speech was sent to the first binary message of the reply. Between answers the participant
 * waits until the reply's audio has played, so nothing is a barge-in.
 *
 * <p>With {@code bargein} the participant instead speaks over each reply a second or so after its audio began, and
 * the time runs from the first piece holding speech to the {@code interrupted} message (when the page stops playing);
 * any audio of the cut reply after it is counted.
 *
 * <p>With {@code compare} the answers alternate between speculative turn preparation on and off (the server reads
 * {@code chassis.voice.speculate} at each pause), so both columns come from the same run, interview and load.
 *
 * <p>Usage: {@code VoiceLatencyDriver [answers=20] [bargein|compare]}.
 */
public final class VoiceLatencyDriver {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> ANSWERS = List.of("I like coffee.", "I go to work by train.", "No, I do not think so.",
            "I walk to work in the morning.", "That is all.");
    private static final int PIECE = 1_600;

    public static void main(String[] args) throws Exception {
        int answers = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        boolean bargeIn = args.length > 1 && args[1].equals("bargein");
        List<Long> without = args.length > 1 && args[1].equals("compare") ? new ArrayList<>() : null;
        Path data = Files.createTempDirectory("chassis-voice-bench");
        Path guide = Path.of(System.getProperty("chassis.repo.dir", ".")).resolve("examples/guides/onboarding-en.yaml");
        List<short[]> speech = new ArrayList<>();
        for (String a : ANSWERS) {
            speech.add(Speech.synthesise(a, "en-us+f2", 150, 50));
        }
        List<Long> latencies = new ArrayList<>();
        try (ChassisServer server = ChassisServer.start(ServerConfig.defaults(data).withPort(0).withParticipantPerMinute(100_000))) {
            String token = server.newResearcherToken().orElseThrow();
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + server.port();
            String study = post(http, base + "/api/studies", token, Map.of("guideYaml", Files.readString(guide), "source", "onboarding-en.yaml"))
                    .path("study").path("id").asText();
            System.out.printf("Voice: %s, %d answers, offline engines and interviewer%n",
                    bargeIn ? "speech onset over a reply -> its audio stopped" : "end of speech -> first audio byte", answers);
            while (latencies.size() < answers || without != null && without.size() < answers) {
                String link = post(http, base + "/api/studies/" + study + "/sessions", token, Map.of()).path("token").asText();
                if (bargeIn) {
                    bargeIns(http, base, link, speech, latencies, answers);
                } else {
                    interview(http, base, link, speech, latencies, without, answers);
                }
            }
        }
        Percentiles p = new Percentiles(latencies);
        System.out.println((bargeIn ? "speech onset -> interrupted (audio stopped): " : "end of speech -> first audio byte: ")
                + (without != null ? "prepared: " : "") + p.line());
        if (without != null) {
            Percentiles q = new Percentiles(without);
            System.out.println("end of speech -> first audio byte: not prepared: " + q.line());
            System.out.printf("ratio prepared / not prepared: p50 %.2f, p90 %.2f%n", p.percentileMillis(50) / q.percentileMillis(50), p.percentileMillis(90) / q.percentileMillis(90));
        }
    }

    /** One interview until it ends or enough answers were timed. */
    private static void interview(HttpClient http, String base, String link, List<short[]> speech, List<Long> latencies,
                                  List<Long> without, int wanted) throws Exception {
        Listener heard = new Listener();
        WebSocket ws = spoken(http, base, link, heard);
        for (int i = 0; latencies.size() < wanted || without != null && without.size() < wanted; i++) {
            boolean prepared = without == null || i % 2 == 0;
            System.setProperty("chassis.voice.speculate", prepared ? "on" : "off");
            List<Long> into = prepared ? latencies : without;
            long audioMs = heard.awaitReplyEnd(i);   // reply i (0 is the opening) ended; its audio is this long
            if (audioMs < 0) {
                break;   // the interview ended
            }
            Thread.sleep(audioMs + 800);   // it plays out: the next answer is not a barge-in
            short[] answer = speech.get(i % speech.size());
            long speechEnd = 0;
            for (int at = 0; at < answer.length + 16_000 * 3 && heard.firstAudio(i + 1) == 0; at += PIECE) {
                short[] piece = new short[PIECE];
                if (at < answer.length) {
                    System.arraycopy(answer, at, piece, 0, Math.min(PIECE, answer.length - at));
                }
                ws.sendBinary(ByteBuffer.wrap(Pcm.toBytes(piece)), true).join();
                if (at < answer.length) {
                    speechEnd = System.nanoTime();
                }
                Thread.sleep(100);   // real time, as a microphone sends
            }
            long first = heard.awaitFirstAudio(i + 1);
            into.add(first - speechEnd);
            System.out.printf("  answer %d%s: %.0f ms%n", into.size(), without == null ? "" : prepared ? " (prepared)" : " (not prepared)",
                    (first - speechEnd) / 1e6);
        }
        ws.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
    }

    /** A participant's socket on {@code link} that said it will speak and started the interview. */
    private static WebSocket spoken(HttpClient http, String base, String link, Listener heard) {
        WebSocket ws = http.newWebSocketBuilder().buildAsync(URI.create(base.replace("http", "ws") + "/ws/p/" + link), heard).join();
        ws.sendText("{\"type\":\"voice\"}", true).join();
        ws.sendText("{\"type\":\"start\"}", true).join();
        return ws;
    }

    /** One interview where every answer is spoken over the reply before it, about a second into its audio. */
    private static void bargeIns(HttpClient http, String base, String link, List<short[]> speech, List<Long> stops, int wanted)
            throws Exception {
        Listener heard = new Listener();
        WebSocket ws = spoken(http, base, link, heard);
        for (int i = 0; stops.size() < wanted && !heard.over; i++) {
            heard.awaitFirstAudio(i);
            Thread.sleep(800 + 200L * (i % 3));   // the person listens a little, then talks over it
            short[] answer = speech.get(i % speech.size());
            long onset = 0;
            for (int at = 0; at < answer.length + 16_000 * 3 && heard.firstAudio(i + 1) == 0 && !heard.over; at += PIECE) {
                short[] piece = new short[PIECE];
                if (at < answer.length) {
                    System.arraycopy(answer, at, piece, 0, Math.min(PIECE, answer.length - at));
                }
                ws.sendBinary(ByteBuffer.wrap(Pcm.toBytes(piece)), true).join();
                if (onset == 0) {
                    onset = System.nanoTime();
                }
                Thread.sleep(100);
            }
            Long stopped = heard.interrupted.get(i);
            if (stopped == null) {
                System.out.printf("  reply %d: not interrupted (its audio had ended)%n", i);
                continue;
            }
            stops.add(stopped - onset);
            System.out.printf("  reply %d: %.0f ms, audio after the interruption: %d bytes (first piece sent at %d, interrupted at %d)%n", i,
                    (stopped - onset) / 1e6, heard.lateBytes.getOrDefault(i, 0L), onset, stopped);
        }
        ws.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
    }

    /** What the participant's side receives: when each reply's first audio came, and each reply's end and audio length. */
    private static final class Listener implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();
        private final Map<Integer, Long> firstAudio = new java.util.concurrent.ConcurrentHashMap<>();
        private final Map<Integer, Long> audioBytes = new java.util.concurrent.ConcurrentHashMap<>();
        private final Map<Integer, Boolean> ended = new java.util.concurrent.ConcurrentHashMap<>();   // turn -> last
        private final Map<Integer, Long> interrupted = new java.util.concurrent.ConcurrentHashMap<>();
        private final Map<Integer, Long> lateBytes = new java.util.concurrent.ConcurrentHashMap<>();   // audio after the interruption
        private volatile int turn = -1;   // the reply streaming or playing
        private volatile boolean over;

        @Override
        public CompletionStage<?> onText(WebSocket w, CharSequence d, boolean last) {
            text.append(d);
            if (last) {
                try {
                    JsonNode m = JSON.readTree(text.toString());
                    switch (m.path("type").asText()) {
                        case "agent-start" -> turn = m.path("turn").asInt();
                        case "agent-end" -> ended.put(m.path("turn").asInt(), m.path("last").asBoolean());
                        case "interrupted" -> interrupted.putIfAbsent(m.path("turn").asInt(), System.nanoTime());
                        case "done" -> over = true;
                        default -> { }
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                text.setLength(0);
            }
            w.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket w, ByteBuffer d, boolean last) {
            firstAudio.putIfAbsent(turn, System.nanoTime());
            if (interrupted.containsKey(turn)) {
                lateBytes.merge(turn, (long) d.remaining(), Long::sum);
            }
            audioBytes.merge(turn, (long) d.remaining(), Long::sum);
            w.request(1);
            return null;
        }

        long firstAudio(int t) {
            return firstAudio.getOrDefault(t, 0L);
        }

        long awaitFirstAudio(int t) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (firstAudio(t) == 0) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("no audio of reply " + t + " within 60 s");
                }
                Thread.sleep(5);
            }
            return firstAudio(t);
        }

        /** Milliseconds of reply {@code t}'s audio once it ended, -1 when the interview is over. */
        long awaitReplyEnd(int t) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!ended.containsKey(t)) {
                if (over || System.nanoTime() > deadline) {
                    return -1;
                }
                Thread.sleep(20);
            }
            Thread.sleep(500);   // the last sentence's audio follows the captions' end
            return ended.get(t) ? -1 : audioBytes.getOrDefault(t, 0L) / 32;
        }
    }

    private static JsonNode post(HttpClient http, String url, String token, Object body) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new IllegalStateException(url + " -> " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body());
    }
}
