package dev.chassis.server.live;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chassis.server.http.Json;
import java.io.IOException;
import java.util.Optional;

/**
 * A message from a participant's page: a JSON object with a {@code type} ({@code start}, {@code say} with its
 * {@code text}, {@code typing}, {@code ping}). {@link #parse} never throws: anything else is a {@link Bad}
 * with a sentence for the page. Immutable.
 */
sealed interface ParticipantMessage {

    /** The most a participant may say in one answer. */
    int MAX_ANSWER = 4_000;

    record Start() implements ParticipantMessage { }

    record Say(String text) implements ParticipantMessage { }

    record Typing() implements ParticipantMessage { }

    record Ping() implements ParticipantMessage { }

    /** Not a message the interview understands; {@code problem} says why in words for the participant's page. */
    record Bad(String problem) implements ParticipantMessage { }

    static ParticipantMessage parse(String raw) {
        JsonNode m;
        try {
            m = Json.MAPPER.readTree(raw);
        } catch (IOException | RuntimeException e) {
            return new Bad("messages must be JSON objects with a 'type'");
        }
        if (m == null || !m.isObject() || !m.path("type").isTextual()) {
            return new Bad("messages must be JSON objects with a 'type'");
        }
        Optional<String> text = m.path("text").isTextual() ? Optional.of(m.get("text").asText()) : Optional.empty();
        return switch (m.get("type").asText()) {
            case "start" -> new Start();
            case "typing" -> new Typing();
            case "ping" -> new Ping();
            case "say" -> text.filter(t -> !t.isBlank()).<ParticipantMessage>map(t -> t.length() > MAX_ANSWER
                    ? new Bad("that answer is too long (at most 4,000 characters)") : new Say(t.strip()))
                    .orElse(new Bad("say needs some text"));
            default -> new Bad("unknown message type; expected start, say, typing or ping");
        };
    }
}
