package dev.chassis.voice.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.UnauthorizedResponse;
import io.javalin.websocket.WsContext;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One loopback server speaking the four providers' protocols as their documentation describes them, with a fault
 * to inject per test: OpenAI's transcription (verbose JSON with word timings, or server-sent events) and speech
 * (streamed PCM), Deepgram's live listening socket and ElevenLabs' streaming synthesis socket. What it "recognises"
 * is a fixed sentence laid over the audio it received, so a test can tell the audio arrived whole. Other modules' tests
 * use it through this module's test jar (the server's phone path with cloud engines).
 */
public final class SpeechServers implements AutoCloseable {

    public static final String KEY = "sk-test-key";
    public static final List<String> SENTENCE = List.of("I", "started", "last", "spring");

    enum Fault { NONE, UNAUTHORIZED, RATE_LIMITED, SERVER_ERROR, DROP, MALFORMED, HANG }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Javalin app;
    volatile Fault fault = Fault.NONE;
    public final Map<String, String> seen = new ConcurrentHashMap<>();   // what requests carried, for assertions
    private final Map<String, Long> received = new ConcurrentHashMap<>();
    private final Map<String, java.io.ByteArrayOutputStream> listened = new ConcurrentHashMap<>();   // each live socket's audio

    private final java.util.concurrent.atomic.AtomicReference<String> firstListener = new java.util.concurrent.atomic.AtomicReference<>();

    /** The audio the first Deepgram socket received, as it came; empty before one connected. */
    public byte[] listenedAudio() {
        String first = firstListener.get();
        java.io.ByteArrayOutputStream b = first == null ? null : listened.get(first);
        if (b == null) {
            return new byte[0];
        }
        synchronized (b) {
            return b.toByteArray();
        }
    }
    private final Map<String, StringBuilder> texts = new ConcurrentHashMap<>();

    public SpeechServers() {
        app = Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            c.jetty.host = "127.0.0.1";
            c.routes.wsBeforeUpgrade(ctx -> {
                String auth = ctx.path().startsWith("/v1/listen") ? ctx.header("Authorization") : "Token " + ctx.header("xi-api-key");
                if (ctx.path().startsWith("/v1/listen") && !("Token " + KEY).equals(auth)) {
                    throw new UnauthorizedResponse();   // Deepgram refuses the upgrade
                }
                if (fault == Fault.RATE_LIMITED && ctx.path().startsWith("/v1/listen")) {
                    ctx.header("Retry-After", "3");
                    throw new io.javalin.http.TooManyRequestsResponse();
                }
            });
            c.routes.post("/v1/audio/transcriptions", this::transcribe);
            c.routes.post("/v1/audio/speech", this::speech);
            c.routes.ws("/v1/listen", ws -> {
                ws.onConnect(ctx -> {
                    seen.put("listen.query", ctx.queryString());
                    listened.putIfAbsent(ctx.sessionId(), new java.io.ByteArrayOutputStream());
                    firstListener.compareAndSet(null, ctx.sessionId());
                    received.put(ctx.sessionId(), 0L);
                });
                ws.onBinaryMessage(ctx -> {
                    byte[] audio = new byte[ctx.data().remaining()];
                    ctx.data().duplicate().get(audio);
                    java.io.ByteArrayOutputStream into = listened.get(ctx.sessionId());
                    synchronized (into) {
                        into.writeBytes(audio);
                    }
                    listenAudio(ctx, audio.length);
                });
                ws.onMessage(ctx -> {
                    if (ctx.message().contains("CloseStream")) {
                        listenClose(ctx);
                    }
                });
            });
            c.routes.ws("/v1/text-to-speech/{voice}/stream-input", ws -> {
                ws.onConnect(ctx -> {
                    seen.put("tts.query", ctx.queryString());
                    seen.put("tts.voice", ctx.pathParam("voice"));
                    if (!KEY.equals(ctx.header("xi-api-key"))) {
                        ctx.closeSession(1008, "Invalid API key");   // ElevenLabs closes the socket it accepted
                    }
                    texts.put(ctx.sessionId(), new StringBuilder());
                });
                ws.onMessage(this::ttsText);
            });
        }).start(0);
    }

    public String base() {
        return "http://127.0.0.1:" + app.port();
    }

    Endpoint endpoint() {
        return Endpoint.of(base(), KEY).withTimeout(java.time.Duration.ofSeconds(8));   // room for a loaded machine; the hang test waits it out
    }

    // --- OpenAI ---------------------------------------------------------------------------------------------------

    private void transcribe(Context ctx) throws Exception {
        if (!("Bearer " + KEY).equals(ctx.header("Authorization"))) {
            ctx.status(401).json(Map.of("error", Map.of("message", "Incorrect API key provided", "type", "invalid_request_error")));
            return;
        }
        if (commonFault(ctx)) {
            return;
        }
        byte[] wav = ctx.uploadedFile("file").content().readAllBytes();
        ByteBuffer h = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        int rate = h.getInt(24);
        int dataBytes = h.getInt(40);
        seen.put("transcribe.rate", String.valueOf(rate));
        seen.put("transcribe.model", ctx.formParam("model"));
        seen.put("transcribe.language", ctx.formParam("language"));
        double seconds = dataBytes / 2.0 / rate;
        if ("true".equals(ctx.formParam("stream"))) {
            ctx.contentType("text/event-stream");
            OutputStream out = ctx.res().getOutputStream();
            StringBuilder all = new StringBuilder();
            for (String w : SENTENCE) {
                all.append(all.isEmpty() ? "" : " ").append(w);
                event(out, JSON.createObjectNode().put("type", "transcript.text.delta").put("delta", (all.length() == w.length() ? "" : " ") + w));
                if (fault == Fault.DROP) {
                    throw new IOException("dropped on purpose");
                }
            }
            event(out, JSON.createObjectNode().put("type", "transcript.text.done").put("text", all.toString()));
            return;
        }
        if (fault == Fault.MALFORMED) {
            ctx.contentType("application/json").result("{\"text\": \"I started");
            return;
        }
        ObjectNode body = JSON.createObjectNode().put("text", String.join(" ", SENTENCE)).put("duration", seconds);
        ArrayNode words = body.putArray("words");
        double per = seconds / SENTENCE.size();
        for (int i = 0; i < SENTENCE.size(); i++) {
            words.addObject().put("word", SENTENCE.get(i)).put("start", i * per).put("end", (i + 0.9) * per);
        }
        ctx.json(body);
    }

    private void speech(Context ctx) throws Exception {
        if (!("Bearer " + KEY).equals(ctx.header("Authorization"))) {
            ctx.status(401).json(Map.of("error", Map.of("message", "Incorrect API key provided")));
            return;
        }
        if (commonFault(ctx)) {
            return;
        }
        JsonNode req = JSON.readTree(ctx.body());
        seen.put("speech.format", req.path("response_format").asText());
        seen.put("speech.voice", req.path("voice").asText());
        int words = req.path("input").asText().split("\\s+").length;
        ctx.contentType("application/octet-stream");
        ctx.res().setContentLengthLong((long) words * tone(24_000, 250).length);   // so a cut stream is seen as cut
        OutputStream out = ctx.res().getOutputStream();
        for (int w = 0; w < words; w++) {
            out.write(tone(24_000, 250));   // a quarter second per word, at 24 kHz
            out.flush();
            if (fault == Fault.DROP && w == 1) {
                throw new IOException("dropped on purpose");   // the connection is cut part way through the audio
            }
        }
    }

    private boolean commonFault(Context ctx) throws InterruptedException {
        if (fault != Fault.NONE && fault != Fault.DROP && fault != Fault.MALFORMED) {
            // read the upload first: a server answering before it has read the request closes the connection under the
            // client while it still writes, and the client then sees a broken connection instead of this answer (CI flake)
            ctx.bodyAsBytes();
        }
        switch (fault) {
            case RATE_LIMITED -> ctx.status(429).header("Retry-After", "2").json(Map.of("error", Map.of("message", "Rate limit reached")));
            case SERVER_ERROR -> ctx.status(500).json(Map.of("error", Map.of("message", "The server had an error")));
            case HANG -> Thread.sleep(10_000);
            default -> {
                return false;
            }
        }
        return true;
    }

    private static void event(OutputStream out, ObjectNode e) throws IOException {
        out.write(("data: " + e + "\n\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        out.flush();
    }

    // --- Deepgram -------------------------------------------------------------------------------------------------

    private void listenAudio(WsContext ctx, int bytes) {
        long before = received.get(ctx.sessionId());
        long now = before + bytes;
        received.put(ctx.sessionId(), now);
        if (fault == Fault.DROP) {
            ctx.closeSession(1011, "internal error");
            return;
        }
        if (fault == Fault.MALFORMED) {
            ctx.send("{\"type\": \"Results\", \"channel\": ");
            return;
        }
        if (now / 16_000 != before / 16_000) {   // every half second of audio, an interim result
            ctx.send(result(wordsFor(now), false).toString());
        }
    }

    private void listenClose(WsContext ctx) {
        long bytes = received.get(ctx.sessionId());
        ctx.send(result(SENTENCE.size(), true).put("duration", bytes / 32_000.0).toString());
        ctx.send(JSON.createObjectNode().put("type", "Metadata").put("duration", bytes / 32_000.0).toString());
        ctx.closeSession(1000, "");
    }

    private static int wordsFor(long bytes) {
        return (int) Math.min(SENTENCE.size(), bytes / 16_000);
    }

    private static ObjectNode result(int words, boolean isFinal) {
        ObjectNode r = JSON.createObjectNode().put("type", "Results").put("is_final", isFinal).put("speech_final", isFinal);
        ObjectNode alt = r.putObject("channel").putArray("alternatives").addObject();
        alt.put("transcript", String.join(" ", SENTENCE.subList(0, words))).put("confidence", 0.98);
        ArrayNode ws = alt.putArray("words");
        for (int i = 0; i < words; i++) {
            ws.addObject().put("word", SENTENCE.get(i).toLowerCase()).put("punctuated_word", SENTENCE.get(i))
                    .put("start", i * 0.4).put("end", i * 0.4 + 0.35).put("confidence", 0.97);
        }
        return r;
    }

    // --- ElevenLabs -----------------------------------------------------------------------------------------------

    private void ttsText(io.javalin.websocket.WsMessageContext ctx) throws IOException {
        JsonNode m = JSON.readTree(ctx.message());
        String text = m.path("text").asText();
        if (!text.isEmpty()) {
            texts.get(ctx.sessionId()).append(text);
            return;
        }
        String[] words = texts.get(ctx.sessionId()).toString().strip().split("\\s+");
        for (int w = 0; w < words.length; w++) {
            if (fault == Fault.MALFORMED) {
                ctx.send("{\"audio\": ");
                return;
            }
            String chunkText = (w == 0 ? "" : " ") + words[w];
            ObjectNode msg = JSON.createObjectNode().put("audio", Base64.getEncoder().encodeToString(tone(16_000, 300)));
            msg.putNull("isFinal");
            ObjectNode align = msg.putObject("normalizedAlignment");
            ArrayNode starts = align.putArray("charStartTimesMs");
            ArrayNode durs = align.putArray("charsDurationMs");
            ArrayNode chars = align.putArray("chars");
            int per = 300 / chunkText.length();
            for (int i = 0; i < chunkText.length(); i++) {
                starts.add(i * per);
                durs.add(per);
                chars.add(String.valueOf(chunkText.charAt(i)));
            }
            ctx.send(msg.toString());
            if (fault == Fault.DROP && w == 0) {
                ctx.closeSession(1011, "internal error");
                return;
            }
        }
        ctx.send(JSON.createObjectNode().put("isFinal", true).toString());
    }

    /** A 220 Hz tone of {@code ms} milliseconds as 16-bit little-endian PCM. */
    static byte[] tone(int rate, int ms) {
        int n = rate * ms / 1000;
        ByteBuffer b = ByteBuffer.allocate(n * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            b.putShort((short) (8000 * Math.sin(2 * Math.PI * 220 * i / rate)));
        }
        return b.array();
    }

    @Override
    public void close() {
        app.stop();
    }
}
