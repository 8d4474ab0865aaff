package dev.chassis.voice.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chassis.talk.voice.Pcm;
import dev.chassis.talk.voice.SpeechException;
import dev.chassis.talk.voice.TextToSpeech;
import dev.chassis.talk.voice.Word;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * ElevenLabs' streaming synthesis ({@code /v1/text-to-speech/<voice>/stream-input} over a WebSocket), 16 kHz PCM:
 * the text goes up, audio comes back in base64 chunks with the time of each character, from which words get their
 * timings. Thread-safe.
 */
public final class ElevenLabsStreaming implements TextToSpeech {

    private static final int RATE = 16_000;

    private final Endpoint endpoint;
    private final String voice;
    private final String model;
    private final HttpClient http;

    private ElevenLabsStreaming(Endpoint endpoint, String voice, String model) {
        this.endpoint = endpoint;
        this.voice = voice;
        this.model = model;
        this.http = HttpClient.newBuilder().connectTimeout(endpoint.timeout()).build();
    }

    /** Speech in {@code voice} (a voice id) with {@code model} ({@code eleven_flash_v2_5}, {@code eleven_multilingual_v2}). */
    public static ElevenLabsStreaming create(Endpoint endpoint, String voice, String model) {
        return new ElevenLabsStreaming(Objects.requireNonNull(endpoint, "endpoint"), Objects.requireNonNull(voice, "voice"),
                Objects.requireNonNull(model, "model"));
    }

    @Override
    public String name() {
        return "elevenlabs:" + voice + "#" + model;
    }

    @Override
    public int sampleRate() {
        return RATE;
    }

    @Override
    public Speech speak(String text, String language, AudioSink sink) {
        Stream s = new Stream(text, sink);
        String path = "/v1/text-to-speech/" + URLEncoder.encode(voice, StandardCharsets.UTF_8) + "/stream-input?model_id="
                + URLEncoder.encode(model, StandardCharsets.UTF_8) + "&output_format=pcm_16000&sync_alignment=true";
        s.socket = http.newWebSocketBuilder().connectTimeout(endpoint.timeout()).header("xi-api-key", endpoint.apiKey())
                .buildAsync(endpoint.socket(path), s);
        s.socket.whenComplete((ws, e) -> {
            if (e != null) {
                s.done.completeExceptionally(Failures.ofTransport(name(), e));
            } else {
                s.send(ws);
            }
        });
        s.done.copy().orTimeout(endpoint.timeout().toMillis(), TimeUnit.MILLISECONDS).exceptionally(e -> {   // a copy: orTimeout completes its own future
            if (e instanceof TimeoutException) {
                s.done.completeExceptionally(new SpeechException.Broken(name(), "no end of audio in time", e));
                s.socket.thenAccept(WebSocket::abort);
            }
            return null;
        });
        return s;
    }

    /** One text on its own socket. */
    private final class Stream implements Speech, WebSocket.Listener {
        private final String text;
        private final AudioSink sink;
        private final CompletableFuture<Spoken> done = new CompletableFuture<>();
        private final StringBuilder message = new StringBuilder();
        private final List<Word> words = new ArrayList<>();
        private final StringBuilder word = new StringBuilder();
        private long wordStart = -1;
        private long wordEnd;
        private long samples;
        private volatile boolean cancelled;
        private CompletableFuture<WebSocket> socket;

        Stream(String text, AudioSink sink) {
            this.text = text;
            this.sink = sink;
        }

        void send(WebSocket ws) {
            String init = Failures.JSON.createObjectNode().put("text", " ").toString();
            String body = Failures.JSON.createObjectNode().put("text", text.strip() + " ").put("flush", true).toString();
            ws.sendText(init, true).thenCompose(w -> w.sendText(body, true)).thenCompose(w -> w.sendText("{\"text\":\"\"}", true))
                    .exceptionally(e -> {
                        done.completeExceptionally(Failures.ofTransport(name(), e));
                        return null;
                    });
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            message.append(data);
            if (last) {
                String m = message.toString();
                message.setLength(0);
                try {
                    handle(Failures.JSON.readTree(m), ws);
                } catch (IOException | RuntimeException e) {
                    done.completeExceptionally(e instanceof SpeechException se ? se
                            : new SpeechException.Broken(name(), "a message could not be read", e));
                    ws.abort();
                }
            }
            ws.request(1);
            return null;
        }

        private void handle(JsonNode m, WebSocket ws) {
            if (m.has("error") || (m.has("message") && !m.has("audio"))) {
                throw new SpeechException.ServerError(name(), 200, m.path("message").asText(m.path("error").asText()));
            }
            long offsetMs = samples * 1000 / RATE;
            JsonNode audio = m.path("audio");
            if (audio.isTextual() && !cancelled) {
                short[] chunk = Pcm.fromBytes(Base64.getDecoder().decode(audio.asText()));
                samples += chunk.length;
                sink.audio(chunk);
            }
            align(m.path("normalizedAlignment"), offsetMs);
            if (m.path("isFinal").asBoolean(false) || cancelled) {
                endWord();
                done.complete(new Spoken(words, Duration.ofMillis(samples * 1000 / RATE), cancelled));
                ws.sendClose(WebSocket.NORMAL_CLOSURE, "");
            }
        }

        /** Characters with their times become words: a space ends one. */
        private void align(JsonNode a, long offsetMs) {
            JsonNode chars = a.path("chars");
            for (int i = 0; i < chars.size(); i++) {
                String c = chars.get(i).asText();
                long start = offsetMs + a.path("charStartTimesMs").path(i).asLong();
                long end = start + a.path("charsDurationMs").path(i).asLong();
                if (c.isBlank()) {
                    endWord();
                } else {
                    if (wordStart < 0) {
                        wordStart = start;
                    }
                    word.append(c);
                    wordEnd = end;
                }
            }
        }

        private void endWord() {
            if (!word.isEmpty()) {
                words.add(Word.ofMillis(word.toString(), wordStart, wordEnd));
                word.setLength(0);
                wordStart = -1;
            }
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
            if (!done.isDone()) {
                done.completeExceptionally(status == 1008
                        ? new SpeechException.Refused(name(), 0, "the service closed the stream: " + reason)
                        : new SpeechException.Broken(name(), "the service closed the stream before the end (" + status + ")", null));
            }
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            done.completeExceptionally(Failures.ofTransport(name(), error));
        }

        @Override
        public void cancel() {
            cancelled = true;
            if (socket != null) {
                socket.thenAccept(ws -> {
                    done.complete(new Spoken(words, Duration.ofMillis(samples * 1000 / RATE), true));
                    ws.abort();
                });
            }
        }

        @Override
        public CompletableFuture<Spoken> done() {
            return done;
        }
    }
}
