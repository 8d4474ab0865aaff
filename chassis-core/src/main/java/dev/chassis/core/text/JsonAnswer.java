package dev.chassis.core.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Optional;

/**
 * A model's answer read as JSON when it holds JSON (code fences and prose around it are tolerated), and
 * JSON written back as the text a prompt or template shows. Thread-safe (stateless).
 */
public final class JsonAnswer {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonAnswer() {
    }

    /** The answer parsed as JSON, if it holds a JSON object or array. */
    public static Optional<JsonNode> json(String text) {
        String t = text.strip();
        if (t.startsWith("```")) {
            t = t.replaceFirst("^```[a-zA-Z]*\\s*", "").replaceFirst("```\\s*$", "").strip();
        }
        int object = t.indexOf('{');
        int array = t.indexOf('[');
        int start = object < 0 ? array : array < 0 ? object : Math.min(object, array);
        if (start < 0) {
            return Optional.empty();
        }
        char close = t.charAt(start) == '{' ? '}' : ']';
        int end = t.lastIndexOf(close);
        if (end <= start) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readTree(t.substring(start, end + 1)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return Optional.empty();
        }
    }

    /** The answer as a JSON node: parsed when it is JSON, else a text node. */
    public static JsonNode node(String text) {
        return json(text).orElseGet(() -> TextNode.valueOf(text));
    }

    /** The node as text for a prompt or a template. */
    public static String text(JsonNode node) {
        return node.isTextual() ? node.asText() : node.toString();
    }
}
