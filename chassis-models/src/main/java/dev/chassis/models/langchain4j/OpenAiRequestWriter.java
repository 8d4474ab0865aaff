package dev.chassis.models.langchain4j;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import dev.chassis.core.model.Message;
import dev.chassis.core.model.Prompt;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Writes an OpenAI chat-completions streaming request as compact JSON bytes, the same request
 * LangChain4j's OpenAI client sends for a prompt without tools (its client pretty-prints, and
 * rebuilds every message every call). Each message's encoded bytes are kept while its text is
 * alive: a conversation's staged prefix and its earlier turns are the same strings from turn to
 * turn, so a turn encodes only what is new (the person's words, the digest, the directive) and
 * copies the rest. The cache holds its keys weakly and is striped so sessions rarely share a lock.
 * Thread-safe.
 */
final class OpenAiRequestWriter {

    private static final JsonFactory JSON = new JsonFactory();
    private static final int STRIPES = 32;
    private static final byte[] MESSAGES_END = "],\"stream\":true,\"stream_options\":{\"include_usage\":true}".getBytes(StandardCharsets.US_ASCII);

    private static final byte[] NOTHING = new byte[0];

    private enum Role { SYSTEM, USER, ASSISTANT }

    @SuppressWarnings("unchecked")
    private final Map<String, byte[]>[][] encoded = new Map[Role.values().length][STRIPES];
    private final byte[] head;

    OpenAiRequestWriter(String model) {
        for (Map<String, byte[]>[] role : encoded) {
            for (int i = 0; i < STRIPES; i++) {
                role[i] = new WeakHashMap<>();
            }
        }
        this.head = ("{\"model\":" + new String(encode(g -> g.writeString(model), model.length() + 8), StandardCharsets.UTF_8)
                + ",\"messages\":[").getBytes(StandardCharsets.UTF_8);
    }

    /** Whether this writer can write {@code prompt}: plain conversation, no tools or tool messages. */
    static boolean writes(Prompt prompt) {
        if (!prompt.tools().isEmpty()) {
            return false;
        }
        for (Message m : prompt.messages()) {
            if (m instanceof Message.ToolResultMessage || m instanceof Message.AssistantMessage a && !a.toolCalls().isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** The request's body. */
    byte[] write(Prompt prompt) {
        return write(prompt, length -> NOTHING);
    }

    /**
     * The request's body after what {@code before} gives for the body's length (an HTTP head, whose Content-Length it is), in
     * one array: copying the body behind its head once written allocated and copied it twice (5-8 KB a request in the benchmarks'
     * interviews, more as a conversation grows).
     */
    byte[] write(Prompt prompt, java.util.function.IntFunction<byte[]> before) {
        List<byte[]> parts = new ArrayList<>(prompt.messages().size() + 1);
        for (Message m : prompt.messages()) {
            parts.add(switch (m) {
                case Message.SystemMessage s -> message(Role.SYSTEM, s.text());
                case Message.UserMessage u -> message(Role.USER, u.text());
                case Message.AssistantMessage a -> message(Role.ASSISTANT, a.text());
                case Message.ToolResultMessage t -> throw new IllegalArgumentException("tool results go through LangChain4j's client");
            });
        }
        // The intent goes last, after the conversation, so the stable prefix stays cacheable (as in Conversions).
        prompt.intent().ifPresent(i -> parts.add(encodeMessage(Role.SYSTEM, i.render())));
        StringBuilder options = new StringBuilder();
        prompt.maxOutputTokens().ifPresent(n -> options.append(",\"max_tokens\":").append(n));
        prompt.temperature().ifPresent(t -> options.append(",\"temperature\":").append(t));
        byte[] tail = options.append('}').toString().getBytes(StandardCharsets.US_ASCII);
        int size = head.length + MESSAGES_END.length + tail.length + Math.max(0, parts.size() - 1);
        for (byte[] p : parts) {
            size += p.length;
        }
        byte[] prefix = before.apply(size);
        byte[] out = new byte[prefix.length + size];
        int at = put(out, put(out, 0, prefix), head);
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0) {
                out[at++] = ',';
            }
            at = put(out, at, parts.get(i));
        }
        at = put(out, at, MESSAGES_END);
        put(out, at, tail);
        return out;
    }

    private byte[] message(Role role, String text) {
        Map<String, byte[]> stripe = encoded[role.ordinal()][(text.hashCode() & 0x7fffffff) % STRIPES];
        synchronized (stripe) {
            byte[] cached = stripe.get(text);
            if (cached != null) {
                return cached;
            }
        }
        byte[] bytes = encodeMessage(role, text);
        synchronized (stripe) {
            stripe.put(text, bytes);
        }
        return bytes;
    }

    private static byte[] encodeMessage(Role role, String text) {
        return encode(g -> {
            g.writeStartObject();
            g.writeStringField("role", role.name().toLowerCase(java.util.Locale.ROOT));
            g.writeStringField("content", text);
            g.writeEndObject();
        }, text.length() + 32);
    }

    private interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    private static byte[] encode(Body body, int sizeHint) {
        ByteArrayBuilder buffer = new ByteArrayBuilder(Math.min(sizeHint, 1 << 16));
        try (JsonGenerator g = JSON.createGenerator(buffer)) {
            body.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // writing to memory: cannot happen
        }
        return buffer.toByteArray();
    }

    private static int put(byte[] out, int at, byte[] part) {
        System.arraycopy(part, 0, out, at, part.length);
        return at + part.length;
    }
}
