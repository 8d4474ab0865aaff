package dev.chassis.server.live;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chassis.server.http.Json;
import dev.chassis.talk.channel.Frame;
import dev.chassis.talk.state.Line;
import dev.chassis.talk.voice.Pcm;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The participant WebSocket's one codec: each {@link Frame} as a JSON object with a {@code type}, both ways. From the
 * page: {@code start}, {@code say} with its {@code text}, {@code typing} (an {@link Frame.Interrupt}), {@code voice}
 * and {@code ping}; to it: {@code hello}, {@code thinking}, {@code agent-start}, {@code token}, {@code interrupted},
 * {@code agent-end}, {@code heard}, {@code done}, {@code error}, {@code storage}, {@code idle} and {@code pong}. Audio
 * goes as binary messages both ways: 16-bit little-endian mono PCM at 16 kHz, nothing else in the message. See
 * {@code openapi.json} ({@code x-websocket}) for the fields. Stateless.
 */
final class WireFrames {

    /** The most a participant may say in one answer. */
    static final int MAX_ANSWER = 4_000;
    /** The most audio in one binary message: one second. */
    static final int MAX_AUDIO_BYTES = 32_000;

    private WireFrames() {
    }

    /** A page's message as a frame; never throws: anything else is {@link Frame.Unreadable} with a sentence for the page. */
    static Frame.In decode(String raw) {
        JsonNode m;
        try {
            m = Json.MAPPER.readTree(raw);
        } catch (IOException | RuntimeException e) {
            return new Frame.Unreadable("messages must be JSON objects with a 'type'");
        }
        if (m == null || !m.isObject() || !m.path("type").isTextual()) {
            return new Frame.Unreadable("messages must be JSON objects with a 'type'");
        }
        Optional<String> text = m.path("text").isTextual() ? Optional.of(m.get("text").asText()) : Optional.empty();
        return switch (m.get("type").asText()) {
            case "start" -> new Frame.Start();
            case "typing" -> new Frame.Interrupt();
            case "ping" -> new Frame.Ping();
            case "voice" -> new Frame.Voice();
            case "say" -> text.filter(t -> !t.isBlank()).<Frame.In>map(t -> t.length() > MAX_ANSWER
                    ? new Frame.Unreadable("that answer is too long (at most 4,000 characters)") : new Frame.Say(t.strip()))
                    .orElse(new Frame.Unreadable("say needs some text"));
            default -> new Frame.Unreadable("unknown message type; expected start, say, typing, voice or ping");
        };
    }

    /** A page's binary message: a piece of its microphone's audio; never throws. */
    static Frame.In decodeAudio(java.nio.ByteBuffer data) {
        int length = data.remaining();
        if (length % 2 != 0 || length > MAX_AUDIO_BYTES) {
            return new Frame.Unreadable("audio must be 16-bit mono samples at 16 kHz, at most one second per message");
        }
        byte[] bytes = new byte[length];
        data.get(bytes);
        return new Frame.AudioIn(Pcm.fromBytes(bytes));
    }

    /** An audio frame as the binary message the page plays. */
    static byte[] encodeAudio(Frame.AudioOut frame) {
        return Pcm.toBytes(frame.samples());
    }

    /** A frame as the page's JSON message; audio is binary ({@link #encodeAudio}). */
    static String encode(Frame.Out frame) {
        return switch (frame) {
            case Frame.Hello h -> of("hello", "session", h.session(), "started", h.started(), "done", h.done(),
                    "speakingTurn", h.speakingTurn(), "transcript", lines(h.transcript()));
            case Frame.Thinking t -> of("thinking", "turn", t.turn());
            case Frame.ReplyStarted s -> of("agent-start", "turn", s.turn());
            case Frame.Token t -> of("token", "turn", t.turn(), "text", t.text());
            case Frame.Interrupted i -> of("interrupted", "turn", i.turn());
            case Frame.ReplyEnded e -> e.confirmed()
                    .map(c -> of("agent-end", "turn", e.turn(), "text", e.text(), "cutOff", e.cutOff(), "firstWordsMs", ms(c.firstWords()),
                            "last", c.last()))
                    .orElseGet(() -> of("agent-end", "turn", e.turn(), "text", e.text(), "cutOff", e.cutOff()));
            case Frame.Heard h -> of("heard", "text", h.text());
            case Frame.AudioOut a -> throw new IllegalArgumentException("audio goes as a binary message");
            case Frame.Done d -> of("done");
            case Frame.Failed f -> of("error", "message", f.message());
            case Frame.Storage s -> of("storage", "ok", s.ok(), "message", storage(s.ok()));
            case Frame.Idle i -> of("idle");
            case Frame.Pong p -> of("pong");
        };
    }

    /**
     * The English for clients other than the page, which shows its own words in the participant's language. Never the
     * technical reason: that is for the console and the log.
     */
    private static String storage(boolean ok) {
        return ok ? "Saving works again. You can go on."
                : "Your answers cannot be saved right now because of a problem on our side. Please wait a moment before you answer; "
                        + "we will tell you here when it works again.";
    }

    private static List<StateView.LineView> lines(List<Line> transcript) {
        List<StateView.LineView> out = new ArrayList<>(transcript.size());
        for (Line l : transcript) {
            out.add(StateView.LineView.of(l));
        }
        return out;
    }

    /** Milliseconds to two decimals, {@code -1} when there were no first words. */
    static double ms(Optional<Duration> d) {
        return d.map(x -> Math.round(x.toNanos() / 10_000.0) / 100.0).orElse(-1.0);
    }

    /** {@code type} and then name/value pairs, in order. */
    private static String of(String type, Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", type);
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return Json.write(m);
    }
}
