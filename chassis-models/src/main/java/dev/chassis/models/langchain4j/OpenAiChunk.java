package dev.chassis.models.langchain4j;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Optional;

/**
 * One streamed chat-completions chunk, as much of it as a reply needs: the first choice's new text and finish
 * reason, the usage, or the error the server put in the stream. Read with Jackson's streaming parser, skipping
 * everything else, rather than as a tree: a reply is dozens of chunks, each read on the stream's thread.
 *
 * @param text the first choice's {@code delta.content}, "" when absent or null
 * @param finishReason the first choice's {@code finish_reason}, "" when absent or null
 * @param promptTokens {@code usage.prompt_tokens}, or -1 when the chunk has no usage with both counts
 * @param completionTokens {@code usage.completion_tokens}, or -1 likewise
 * @param error the {@code error} object, when the chunk carries one
 */
record OpenAiChunk(String text, String finishReason, int promptTokens, int completionTokens, Optional<JsonNode> error) {

    private static final ObjectMapper TREES = new ObjectMapper();
    private static final JsonFactory JSON = TREES.getFactory();

    /** Reads a chunk; an error names what is not JSON or not an object. */
    static OpenAiChunk read(String data) throws IOException {
        try (JsonParser p = JSON.createParser(data)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new JsonParseException(p, "a stream chunk is not a JSON object");
            }
            Reading r = new Reading();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "choices" -> choices(p, value, r);
                    case "usage" -> usage(p, value, r);
                    case "error" -> r.error = Optional.of(TREES.readTree(p));
                    default -> p.skipChildren();
                }
            }
            return new OpenAiChunk(r.text, r.finish, r.hasPrompt && r.hasCompletion ? r.prompt : -1,
                    r.hasPrompt && r.hasCompletion ? r.completion : -1, r.error);
        }
    }

    /** What has been read so far. */
    private static final class Reading {
        String text = "";
        String finish = "";
        boolean hasPrompt;
        boolean hasCompletion;
        int prompt;
        int completion;
        Optional<JsonNode> error = Optional.empty();
    }

    private static void choices(JsonParser p, JsonToken value, Reading r) throws IOException {
        if (value != JsonToken.START_ARRAY) {
            p.skipChildren();
            return;
        }
        boolean first = true;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (first && p.currentToken() == JsonToken.START_OBJECT) {
                choice(p, r);
            } else {
                p.skipChildren();
            }
            first = false;
        }
    }

    private static void choice(JsonParser p, Reading r) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            if ("finish_reason".equals(field)) {
                r.finish = scalar(p, value);
            } else if ("delta".equals(field) && value == JsonToken.START_OBJECT) {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String inner = p.currentName();
                    JsonToken v = p.nextToken();
                    if ("content".equals(inner)) {
                        r.text = scalar(p, v);
                    } else {
                        p.skipChildren();
                    }
                }
            } else {
                p.skipChildren();
            }
        }
    }

    private static void usage(JsonParser p, JsonToken value, Reading r) throws IOException {
        if (value != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken v = p.nextToken();
            if ("prompt_tokens".equals(field)) {
                r.hasPrompt = true;
                r.prompt = count(p, v);
            } else if ("completion_tokens".equals(field)) {
                r.hasCompletion = true;
                r.completion = count(p, v);
            } else {
                p.skipChildren();
            }
        }
    }

    /** A scalar's text ("" for null, an object or an array), as a tree's {@code asText("")} reads it. */
    private static String scalar(JsonParser p, JsonToken value) throws IOException {
        if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
            p.skipChildren();
            return "";
        }
        return value == JsonToken.VALUE_NULL ? "" : p.getText();
    }

    /** A count as a tree's {@code asInt()} reads it: a number's int value, a numeric string's, else 0. */
    private static int count(JsonParser p, JsonToken value) throws IOException {
        return switch (value) {
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> p.getValueAsInt();
            case VALUE_STRING -> p.getValueAsInt(0);
            case START_OBJECT, START_ARRAY -> {
                p.skipChildren();
                yield 0;
            }
            default -> 0;
        };
    }
}
