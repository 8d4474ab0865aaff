package dev.chassis.research.ops.pool;

import dev.chassis.research.ops.schedule.WeeklyWindow;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One person in the pool.
 *
 * @param id           unique id from the pool
 * @param name         display name
 * @param email        where invites go
 * @param zone         their time zone
 * @param language     ISO 639-1 code of the language to interview in
 * @param availability when they can take part, in their zone
 * @param attributes   every other column (screener fields), by column name
 * @param persona      for offline runs, the persona file that stands in for them, when the pool names one
 * @param line         the pool line they come from, for messages
 */
public record Participant(String id, String name, String email, ZoneId zone, String language,
                          List<WeeklyWindow> availability, Map<String, String> attributes, Optional<String> persona, int line) {

    public Participant {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(language, "language");
        availability = List.copyOf(availability);
        attributes = Map.copyOf(attributes);
        Objects.requireNonNull(persona, "persona");
    }

    /** A screener field: an attribute, or one of the fixed columns by name. */
    public Optional<String> field(String name) {
        return switch (name) {
            case "id" -> Optional.of(id);
            case "name" -> Optional.of(this.name);
            case "email" -> Optional.of(email);
            case "timezone" -> Optional.of(zone.getId());
            case "language" -> Optional.of(language);
            default -> Optional.ofNullable(attributes.get(name));
        };
    }
}
