package dev.chassis.work.journal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;

/**
 * Reads a JSON value that journals written before it was a value hold as JSON text (a string), so
 * that both read the same.
 */
final class EmbeddedJson extends StdDeserializer<JsonNode> {

    private static final long serialVersionUID = 1L;

    EmbeddedJson() {
        super(JsonNode.class);
    }

    @Override
    public JsonNode deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_STRING) {
            String text = p.getText().isBlank() ? "{}" : p.getText();
            try (JsonParser inner = p.getCodec().getFactory().createParser(text)) {
                return p.getCodec().readTree(inner);
            }
        }
        return ctx.readTree(p);
    }
}
