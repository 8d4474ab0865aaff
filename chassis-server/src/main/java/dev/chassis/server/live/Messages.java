package dev.chassis.server.live;

import dev.chassis.server.http.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The server's WebSocket messages to a participant, each a JSON object with a {@code type}:
 * {@code hello}, {@code agent-start}, {@code token}, {@code agent-end}, {@code thinking}, {@code interrupted},
 * {@code done} and {@code error}. See {@code openapi.json} ({@code x-websocket}) for the fields.
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
}
