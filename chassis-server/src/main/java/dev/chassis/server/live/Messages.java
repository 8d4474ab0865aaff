package dev.chassis.server.live;

import dev.chassis.server.http.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The server's WebSocket messages to a participant, each a JSON object with a {@code type}:
 * {@code hello}, {@code agent-start}, {@code token}, {@code agent-end}, {@code thinking}, {@code interrupted},
 * {@code done}, {@code error} and {@code storage}. See {@code openapi.json} ({@code x-websocket}) for the fields.
 */
final class Messages {

    private Messages() {
    }

    /** {@code type} and then name/value pairs. */
    static String of(String type, Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", type);
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return Json.write(m);
    }

    static String error(String message) {
        return of("error", "message", message);
    }

    /**
     * Whether answers can be saved now; the page shows its own words in the participant's language, {@code message}
     * is the English for any other client. Never the technical reason: that is for the console and the log.
     */
    static String storage(boolean ok) {
        return of("storage", "ok", ok, "message", ok ? "Saving works again. You can go on."
                : "Your answers cannot be saved right now because of a problem on our side. Please wait a moment before you answer; "
                        + "we will tell you here when it works again.");
    }
}
