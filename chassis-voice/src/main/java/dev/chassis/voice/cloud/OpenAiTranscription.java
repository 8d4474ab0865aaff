package dev.chassis.voice.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chassis.talk.voice.Pcm;
import dev.chassis.talk.voice.SpeechException;
import dev.chassis.talk.voice.SpeechToText;
import dev.chassis.talk.voice.SpeechTranscript;
import dev.chassis.talk.voice.Word;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * OpenAI's transcription endpoint ({@code POST /v1/audio/transcriptions}). It takes a whole recording, so the turn's
 * audio is sent when the turn ends: {@code whisper-1} answers with word timings ({@code verbose_json}); the
 * {@code gpt-4o} transcribers stream their text as server-sent events, which arrive as partials. Thread-safe.
 */
public final class OpenAiTranscription implements SpeechToText {

    /** The API takes files up to 25 MB: about 13 minutes of 16 kHz audio. */
    private static final int MAX_BYTES = 25 * 1024 * 1024 - 1024;

    private final Endpoint endpoint;
    private final String model;
    private final HttpClient http;

    private OpenAiTranscription(Endpoint endpoint, String model, HttpClient http) {
        this.endpoint = endpoint;
        this.model = model;
        this.http = http;
    }

    /** A transcriber with {@code model} ({@code whisper-1}, {@code gpt-4o-transcribe}, {@code gpt-4o-mini-transcribe}). */
    public static OpenAiTranscription create(Endpoint endpoint, String model) {
        return new OpenAiTranscription(Objects.requireNonNull(endpoint, "endpoint"), Objects.requireNonNull(model, "model"),
                HttpClient.newBuilder().connectTimeout(endpoint.timeout()).build());
    }

    @Override
    public String name() {
        return "openai:" + model;
    }

    @Override
    public Recognition start(String language, PartialListener partials) {
        return new Upload(language, partials);
    }

    private boolean timed() {
        return model.startsWith("whisper");
    }

    /** Collects one turn's audio and sends it when the turn ends. */
    private final class Upload implements Recognition {
        private final String language;
        private final PartialListener partials;
        private final ByteArrayOutputStream audio = new ByteArrayOutputStream();
        private CompletableFuture<SpeechTranscript> result;
        private boolean tooLong;

        Upload(String language, PartialListener partials) {
            this.language = language;
            this.partials = partials;
        }

        @Override
        public synchronized void feed(short[] samples, int offset, int length) {
            if (result != null || tooLong) {
                return;
            }
            if (audio.size() + length * 2L > MAX_BYTES) {
                tooLong = true;
                return;
            }
            audio.writeBytes(Pcm.toBytes(samples, offset, length));
        }

        @Override
        public synchronized CompletableFuture<SpeechTranscript> finish() {
            if (result == null) {
                result = send();
            }
            return result;
        }

        @Override
        public synchronized void close() {
            if (result == null) {
                result = CompletableFuture.failedFuture(new SpeechException.Broken(name(), "the recognition was closed", null));
            } else {
                result.cancel(true);
            }
        }

        private CompletableFuture<SpeechTranscript> send() {
            String lang = language.toLowerCase(Locale.ROOT).split("[-_]")[0];
            Multipart form = new Multipart().file("file", "turn.wav", "audio/wav", Wav.of(audio.toByteArray(), 16_000))
                    .field("model", model).field("language", lang);
            if (timed()) {
                form.field("response_format", "verbose_json").field("timestamp_granularities[]", "word");
            } else {
                form.field("response_format", "json").field("stream", "true");
            }
            HttpRequest req = HttpRequest.newBuilder(endpoint.resolve("/v1/audio/transcriptions")).timeout(endpoint.timeout())
                    .header("Authorization", "Bearer " + endpoint.apiKey()).header("Content-Type", form.contentType())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(form.body())).build();
            return http.sendAsync(req, HttpResponse.BodyHandlers.ofInputStream())
                    .thenApply(this::read)
                    .exceptionallyCompose(e -> CompletableFuture.failedFuture(Failures.ofTransport(name(), e)));
        }

        private SpeechTranscript read(HttpResponse<InputStream> r) {
            try (InputStream in = r.body()) {
                if (r.statusCode() != 200) {
                    throw Failures.ofStatus(name(), r.statusCode(), r.headers().firstValue("retry-after"),
                            new String(in.readNBytes(8_192), StandardCharsets.UTF_8));
                }
                return timed() ? words(Failures.JSON.readTree(in)) : events(in);
            } catch (IOException e) {
                throw Failures.ofTransport(name(), e);
            }
        }

        private SpeechTranscript words(JsonNode body) {
            if (!body.path("text").isTextual()) {
                throw new SpeechException.Broken(name(), "the answer had no text", null);
            }
            List<Word> words = new ArrayList<>();
            for (JsonNode w : body.path("words")) {
                words.add(Word.ofMillis(w.path("word").asText(), Math.round(w.path("start").asDouble() * 1000),
                        Math.round(w.path("end").asDouble() * 1000)));
            }
            return new SpeechTranscript(body.get("text").asText().strip(), true, words, language);
        }

        /** Server-sent events: {@code transcript.text.delta} pieces, then {@code transcript.text.done} with the whole text. */
        private SpeechTranscript events(InputStream in) throws IOException {
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            StringBuilder sofar = new StringBuilder();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.startsWith("data:")) {
                    continue;
                }
                String data = line.substring(5).strip();
                if (data.equals("[DONE]")) {
                    break;
                }
                JsonNode e = Failures.JSON.readTree(data);
                switch (e.path("type").asText()) {
                    case "transcript.text.delta" -> {
                        sofar.append(e.path("delta").asText());
                        partials.partial(new SpeechTranscript(sofar.toString().strip(), false, List.of(), language));
                    }
                    case "transcript.text.done" -> {
                        return new SpeechTranscript(e.path("text").asText().strip(), true, List.of(), language);
                    }
                    case "error" -> throw new SpeechException.ServerError(name(), 200, e.path("error").path("message").asText(""));
                    default -> { }
                }
            }
            throw new SpeechException.Broken(name(), "the stream ended before the transcript was done", null);
        }
    }
}
