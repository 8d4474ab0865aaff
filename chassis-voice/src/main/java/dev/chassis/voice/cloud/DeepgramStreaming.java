package dev.chassis.voice.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chassis.talk.voice.MuLaw;
import dev.chassis.talk.voice.Pcm;
import dev.chassis.talk.voice.SpeechException;
import dev.chassis.talk.voice.SpeechToText;
import dev.chassis.talk.voice.SpeechTranscript;
import dev.chassis.talk.voice.Word;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Deepgram's live transcription ({@code /v1/listen} over a WebSocket): audio goes up as it is spoken, interim
 * results come back as partials and finalised pieces with word timings; {@code CloseStream} asks for the last of
 * them. Audio fed before the socket is open waits in order. Thread-safe.
 */
public final class DeepgramStreaming implements SpeechToText {

    private final Endpoint endpoint;
    private final String model;
    private final boolean phone;
    private final HttpClient http;

    private DeepgramStreaming(Endpoint endpoint, String model, boolean phone) {
        this.endpoint = endpoint;
        this.model = model;
        this.phone = phone;
        this.http = HttpClient.newBuilder().connectTimeout(endpoint.timeout()).build();
    }

    /**
     * The same recogniser for a telephone call's audio: Deepgram is sent the call's own 8 kHz mu-law
     * ({@code encoding=mulaw&sample_rate=8000}), which its telephone models are trained on, not 16 kHz PCM made from
     * it. The audio fed must be a call's brought to 16 kHz by {@link Pcm#resample} (every other sample the call's own),
     * so what is sent is exactly the bytes the call carried.
     */
    public DeepgramStreaming atPhoneRate() {
        return new DeepgramStreaming(endpoint, model, true);
    }

    /** Live transcription with {@code model} ({@code nova-3}, {@code nova-2}). */
    public static DeepgramStreaming create(Endpoint endpoint, String model) {
        return new DeepgramStreaming(Objects.requireNonNull(endpoint, "endpoint"), Objects.requireNonNull(model, "model"), false);
    }

    @Override
    public String name() {
        return "deepgram:" + model;
    }

    @Override
    public Recognition start(String language, PartialListener partials) {
        Live live = new Live(language, partials);
        String query = "/v1/listen?model=" + enc(model) + "&language=" + enc(language) + (phone ? "&encoding=mulaw&sample_rate=8000" : "&encoding=linear16&sample_rate=16000")
                + "&channels=1&interim_results=true&punctuate=true";
        live.socket = http.newWebSocketBuilder().connectTimeout(endpoint.timeout()).header("Authorization", "Token " + endpoint.apiKey())
                .buildAsync(endpoint.socket(query), live);
        live.tail = live.socket.thenApply(ws -> null);
        live.socket.whenComplete((ws, e) -> {
            if (e != null) {
                live.fail(Failures.ofTransport(name(), e));
            }
        });
        return live;
    }

    /**
     * A call's audio back as it came: every other sample of its 16 kHz form (linear interpolation keeps the call's own
     * samples at even places; the stream's pieces are even lengths) in mu-law.
     */
    static byte[] callAudio(short[] samples, int offset, int length) {
        short[] call = new short[(length + 1) / 2];
        for (int i = 0; i < call.length; i++) {
            call[i] = samples[offset + 2 * i];
        }
        return MuLaw.encode(call);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** One live stream. */
    private final class Live implements Recognition, WebSocket.Listener {
        private final String language;
        private final PartialListener partials;
        private final CompletableFuture<SpeechTranscript> result = new CompletableFuture<>();
        private final List<Word> finalWords = new ArrayList<>();
        private final StringBuilder finalText = new StringBuilder();
        private final StringBuilder message = new StringBuilder();
        private CompletableFuture<WebSocket> socket;
        private CompletableFuture<Void> tail;   // sends in order, one at a time, as the JDK's WebSocket wants
        private boolean finishing;

        Live(String language, PartialListener partials) {
            this.language = language;
            this.partials = partials;
        }

        @Override
        public synchronized void feed(short[] samples, int offset, int length) {
            if (finishing || result.isDone()) {
                return;
            }
            ByteBuffer bytes = ByteBuffer.wrap(phone ? callAudio(samples, offset, length) : Pcm.toBytes(samples, offset, length));
            tail = tail.thenCompose(v -> socket.join().sendBinary(bytes, true)).thenApply(ws -> null);
            tail.whenComplete((v, e) -> {
                if (e != null) {
                    fail(Failures.ofTransport(name(), e));
                }
            });
        }

        @Override
        public synchronized CompletableFuture<SpeechTranscript> finish() {
            if (!finishing) {
                finishing = true;
                tail = tail.thenCompose(v -> socket.join().sendText("{\"type\":\"CloseStream\"}", true)).thenApply(ws -> null);
                result.copy().orTimeout(endpoint.timeout().toMillis(), TimeUnit.MILLISECONDS).exceptionally(e -> {   // on a copy: orTimeout completes its own future
                    if (e instanceof TimeoutException) {
                        fail(new SpeechException.Broken(name(), "no final transcript in time", e));
                    }
                    return null;
                });
            }
            return result;
        }

        @Override
        public synchronized void close() {
            finishing = true;
            fail(new SpeechException.Broken(name(), "the recognition was closed", null));
            socket.thenAccept(ws -> ws.abort());
        }

        void fail(SpeechException e) {
            result.completeExceptionally(e);
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            message.append(data);
            if (last) {
                String m = message.toString();
                message.setLength(0);
                try {
                    handle(Failures.JSON.readTree(m));
                } catch (IOException | RuntimeException e) {
                    fail(new SpeechException.Broken(name(), "a message could not be read", e));
                    ws.abort();
                }
            }
            ws.request(1);
            return null;
        }

        private void handle(JsonNode m) {
            if (!m.path("type").asText().equals("Results")) {
                return;   // Metadata, SpeechStarted, UtteranceEnd: nothing a transcript needs
            }
            JsonNode alt = m.path("channel").path("alternatives").path(0);
            if (!alt.path("transcript").isTextual()) {
                throw new IllegalArgumentException("a result without a transcript");
            }
            String text = alt.path("transcript").asText().strip();
            synchronized (this) {
                if (m.path("is_final").asBoolean()) {
                    for (JsonNode w : alt.path("words")) {
                        String word = w.path("punctuated_word").asText(w.path("word").asText());
                        finalWords.add(Word.ofMillis(word, Math.round(w.path("start").asDouble() * 1000),
                                Math.round(w.path("end").asDouble() * 1000)));
                    }
                    append(finalText, text);
                    partials.partial(new SpeechTranscript(finalText.toString(), false, finalWords, language));
                } else if (!text.isEmpty()) {
                    StringBuilder sofar = new StringBuilder(finalText);
                    append(sofar, text);
                    partials.partial(new SpeechTranscript(sofar.toString(), false, finalWords, language));
                }
            }
        }

        private static void append(StringBuilder sb, String text) {
            if (!text.isEmpty()) {
                sb.append(sb.isEmpty() ? "" : " ").append(text);
            }
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
            synchronized (this) {
                if (finishing && status == WebSocket.NORMAL_CLOSURE) {
                    result.complete(new SpeechTranscript(finalText.toString(), true, finalWords, language));
                } else if (status == 1008 || status == 4001 || status == 4008) {
                    fail(new SpeechException.Refused(name(), 0, "the service closed the stream: " + reason));
                } else {
                    fail(new SpeechException.Broken(name(), "the service closed the stream (" + status
                            + (reason.isBlank() ? "" : ", " + reason) + ")", null));
                }
            }
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            fail(Failures.ofTransport(name(), error));
        }
    }
}
