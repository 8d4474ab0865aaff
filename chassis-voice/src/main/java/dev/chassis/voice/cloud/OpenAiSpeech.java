package dev.chassis.voice.cloud;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chassis.talk.voice.Pcm;
import dev.chassis.talk.voice.SpeechException;
import dev.chassis.talk.voice.TextToSpeech;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * OpenAI's speech endpoint ({@code POST /v1/audio/speech}, {@code response_format: pcm}): 24 kHz audio streamed as it
 * is made, read and passed on in {@value #CHUNK_MS} ms chunks. It gives no word timings. Thread-safe.
 */
public final class OpenAiSpeech implements TextToSpeech {

    private static final int RATE = 24_000;
    private static final int CHUNK_MS = 40;

    private final Endpoint endpoint;
    private final String model;
    private final String voice;
    private final HttpClient http;

    private OpenAiSpeech(Endpoint endpoint, String model, String voice) {
        this.endpoint = endpoint;
        this.model = model;
        this.voice = voice;
        this.http = HttpClient.newBuilder().connectTimeout(endpoint.timeout()).build();
    }

    /** Speech with {@code model} ({@code gpt-4o-mini-tts}, {@code tts-1}) in {@code voice} ({@code alloy}, {@code nova}...). */
    public static OpenAiSpeech create(Endpoint endpoint, String model, String voice) {
        return new OpenAiSpeech(Objects.requireNonNull(endpoint, "endpoint"), Objects.requireNonNull(model, "model"),
                Objects.requireNonNull(voice, "voice"));
    }

    @Override
    public String name() {
        return "openai:" + model + "#" + voice;
    }

    @Override
    public int sampleRate() {
        return RATE;
    }

    @Override
    public Speech speak(String text, String language, AudioSink sink) {
        ObjectNode body = Failures.JSON.createObjectNode().put("model", model).put("voice", voice).put("input", text)
                .put("response_format", "pcm");
        HttpRequest req = HttpRequest.newBuilder(endpoint.resolve("/v1/audio/speech")).timeout(endpoint.timeout())
                .header("Authorization", "Bearer " + endpoint.apiKey()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
        Stream s = new Stream(sink);
        http.sendAsync(req, HttpResponse.BodyHandlers.ofInputStream()).whenComplete((r, e) -> {
            if (e != null) {
                s.done.completeExceptionally(Failures.ofTransport(name(), e));
            } else {
                Thread.ofVirtual().name("openai-speech").start(() -> s.read(r));
            }
        });
        return s;
    }

    /** One answer being read. */
    private final class Stream implements Speech {
        private final AudioSink sink;
        private final CompletableFuture<Spoken> done = new CompletableFuture<>();
        private volatile boolean cancelled;
        private volatile InputStream body;

        Stream(AudioSink sink) {
            this.sink = sink;
        }

        void read(HttpResponse<InputStream> r) {
            long samples = 0;
            try (InputStream in = r.body()) {
                body = in;
                if (r.statusCode() != 200) {
                    throw Failures.ofStatus(name(), r.statusCode(), r.headers().firstValue("retry-after"),
                            new String(in.readNBytes(8_192), StandardCharsets.UTF_8));
                }
                byte[] buf = new byte[RATE * 2 * CHUNK_MS / 1000];
                int carry = 0;   // an odd byte left from the last read: samples never split
                while (!cancelled) {
                    int n = in.read(buf, carry, buf.length - carry);
                    if (n < 0) {
                        break;
                    }
                    int have = carry + n;
                    int even = have & ~1;
                    if (even > 0 && !cancelled) {
                        short[] chunk = Pcm.fromBytes(buf, 0, even);
                        samples += chunk.length;
                        sink.audio(chunk);
                    }
                    carry = have - even;
                    if (carry == 1) {
                        buf[0] = buf[even];
                    }
                }
                done.complete(new Spoken(List.of(), Duration.ofMillis(samples * 1000 / RATE), cancelled));
            } catch (SpeechException e) {
                done.completeExceptionally(e);
            } catch (IOException e) {
                if (cancelled) {
                    done.complete(new Spoken(List.of(), Duration.ofMillis(samples * 1000 / RATE), true));
                } else {
                    done.completeExceptionally(new SpeechException.Broken(name(), "the audio stream broke after "
                            + samples * 1000 / RATE + " ms", e));
                }
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        }

        @Override
        public void cancel() {
            cancelled = true;
            InputStream in = body;
            if (in != null) {
                try {
                    in.close();
                } catch (IOException e) {
                    // closing to stop the download; nothing else to do
                }
            }
        }

        @Override
        public CompletableFuture<Spoken> done() {
            return done;
        }
    }
}
