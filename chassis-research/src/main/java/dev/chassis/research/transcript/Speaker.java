package dev.chassis.research.transcript;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Who spoke a turn. Written in JSON as {@code interviewer} or {@code participant}. */
public enum Speaker {
    /** The interviewer (AI or human moderator). */
    INTERVIEWER,
    /** The person being interviewed. */
    PARTICIPANT;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Speaker parse(String value) {
        return switch (value == null ? "" : value.trim().toLowerCase(Locale.ROOT)) {
            case "interviewer", "assistant", "ai", "moderator" -> INTERVIEWER;
            case "participant", "user" -> PARTICIPANT;
            default -> throw new IllegalArgumentException("speaker must be 'interviewer' or 'participant', was '" + value + "'");
        };
    }
}
