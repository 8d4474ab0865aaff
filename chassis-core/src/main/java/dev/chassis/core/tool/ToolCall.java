package dev.chassis.core.tool;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Objects;
import java.util.Optional;

/**
 * A model's request to call a tool.
 *
 * @param id        the provider's call id (or one the engine made up), echoed in the tool result
 * @param arguments the arguments as JSON text
 */
public record ToolCall(String id, String name, String arguments) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public ToolCall {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        arguments = arguments == null || arguments.isBlank() ? "{}" : arguments;
    }

    /** The arguments parsed, or empty when they are not valid JSON. */
    public Optional<JsonNode> argumentsJson() {
        try {
            return Optional.ofNullable(JSON.readTree(arguments));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }
}
