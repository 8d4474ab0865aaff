package dev.chassis.core.tool;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a model is told about a tool.
 *
 * @param name             letters, digits, {@code _} and {@code -}, at most 64 characters
 * @param description      what the tool does and when to use it
 * @param parametersSchema a JSON Schema (an object schema) of the arguments, as JSON text
 * @param sideEffecting    whether calling it changes the world; such calls are journaled with an
 *                         idempotency key and never repeated on resume
 */
public record ToolSpec(String name, String description, String parametersSchema, boolean sideEffecting) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final ObjectMapper JSON = new ObjectMapper();
    public static final String NO_PARAMETERS = "{\"type\":\"object\",\"properties\":{}}";

    public ToolSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(parametersSchema, "parametersSchema");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("tool name '" + name + "' must be 1-64 letters, digits, '_' or '-'");
        }
        JsonNode schema;
        try {
            schema = JSON.readTree(parametersSchema);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("tool '" + name + "': parametersSchema is not JSON: " + e.getOriginalMessage());
        }
        if (schema == null || !schema.isObject()) {
            throw new IllegalArgumentException("tool '" + name + "': parametersSchema must be a JSON object schema");
        }
    }

    /** A tool without side effects. */
    public static ToolSpec of(String name, String description, String parametersSchema) {
        return new ToolSpec(name, description, parametersSchema, false);
    }

    /** The schema parsed. */
    public JsonNode schema() {
        try {
            return JSON.readTree(parametersSchema);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
