package dev.chassis.voice.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chassis.talk.voice.SpeechException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionException;

/** Turns HTTP answers and transport errors into {@link SpeechException}s in plain words. */
final class Failures {

    static final ObjectMapper JSON = new ObjectMapper();

    private Failures() {
    }

    /** The failure an HTTP status means; {@code body} may hold the provider's own message. */
    static SpeechException ofStatus(String engine, int status, Optional<String> retryAfter, String body) {
        String detail = detail(body);
        if (status == 429) {
            return new SpeechException.RateLimited(engine, retryAfter.flatMap(Failures::seconds));
        }
        if (status >= 500) {
            return new SpeechException.ServerError(engine, status, detail);
        }
        String what = switch (status) {
            case 401, 403 -> "the API key was refused";
            case 404 -> "the model or voice does not exist";
            default -> "the request was refused (HTTP " + status + ")";
        };
        return new SpeechException.Refused(engine, status, what + (detail.isBlank() ? "" : ": " + detail));
    }

    /** The failure a transport error means. */
    static SpeechException ofTransport(String engine, Throwable t) {
        Throwable e = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
        if (e instanceof SpeechException s) {
            return s;
        }
        if (e instanceof WebSocketHandshakeException h) {
            return ofStatus(engine, h.getResponse().statusCode(), h.getResponse().headers().firstValue("retry-after"), "");
        }
        if (e instanceof ConnectException) {
            return new SpeechException.Unavailable(engine, "the service cannot be reached", e);
        }
        if (e instanceof HttpTimeoutException) {
            return new SpeechException.Broken(engine, "no answer in time", e);
        }
        if (e instanceof com.fasterxml.jackson.core.JsonProcessingException) {
            return new SpeechException.Broken(engine, "the answer could not be read", e);
        }
        if (e instanceof IOException) {
            return new SpeechException.Broken(engine, "the connection broke", e);
        }
        return new SpeechException.Broken(engine, "the answer could not be read", e);
    }

    /** The provider's error message from a JSON body ({@code error.message}, {@code message}, {@code detail}), cut short. */
    private static String detail(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        try {
            JsonNode n = JSON.readTree(body);
            for (JsonNode m : new JsonNode[] {n.path("error").path("message"), n.path("message"), n.path("detail").path("message"),
                    n.path("detail"), n.path("err_msg")}) {
                if (m.isTextual() && !m.asText().isBlank()) {
                    return clip(m.asText());
                }
            }
        } catch (IOException | RuntimeException e) {
            // not JSON: say nothing rather than echo a page of HTML
        }
        return "";
    }

    private static String clip(String s) {
        String one = s.replaceAll("\\s+", " ").strip();
        return one.length() > 200 ? one.substring(0, 200) + "..." : one;
    }

    private static Optional<Duration> seconds(String retryAfter) {
        try {
            return Optional.of(Duration.ofMillis((long) (Double.parseDouble(retryAfter.strip()) * 1000)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
