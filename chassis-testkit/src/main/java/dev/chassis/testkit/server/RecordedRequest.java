package dev.chassis.testkit.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A request the server received, parsed.
 *
 * @param body the JSON body as sent
 */
public record RecordedRequest(String path, JsonNode body) {

    public String model() {
        return body.path("model").asText("");
    }

    public boolean stream() {
        return body.path("stream").asBoolean(false);
    }

    /** The text of each message, in order. */
    public List<String> messageTexts() {
        List<String> out = new ArrayList<>();
        body.path("messages").forEach(m -> out.add(textOf(m)));
        return out;
    }

    /** The roles of each message, in order. */
    public List<String> roles() {
        List<String> out = new ArrayList<>();
        body.path("messages").forEach(m -> out.add(m.path("role").asText()));
        return out;
    }

    /** The text of the last message with role {@code user}, or empty. */
    public String lastUserText() {
        String last = "";
        for (JsonNode m : body.path("messages")) {
            if ("user".equals(m.path("role").asText())) {
                last = textOf(m);
            }
        }
        return last;
    }

    public int toolCount() {
        return body.path("tools").size();
    }

    static String textOf(JsonNode message) {
        JsonNode content = message.path("content");
        if (content.isTextual()) {
            return content.asText();
        }
        StringBuilder sb = new StringBuilder();
        content.forEach(part -> sb.append(part.path("text").asText("")));
        return sb.toString();
    }
}
