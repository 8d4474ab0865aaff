package dev.chassis.voice.cloud;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where a cloud speech engine is and the key it takes. The key is never printed: {@link #toString()} leaves it out.
 *
 * @param base    the service's base address ({@code https://api.openai.com}); tests point it at a loopback server
 * @param apiKey  the secret key
 * @param timeout how long a request may take to answer before it counts as broken
 */
public record Endpoint(URI base, String apiKey, Duration timeout) {

    public Endpoint {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(apiKey, "apiKey");
        if (apiKey.isBlank()) {
            throw new IllegalArgumentException("the API key for " + base.getHost() + " is empty; set it in the environment");
        }
        Objects.requireNonNull(timeout, "timeout");
    }

    public static Endpoint of(String base, String apiKey) {
        return new Endpoint(URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base), apiKey, Duration.ofSeconds(30));
    }

    public Endpoint withTimeout(Duration d) {
        return new Endpoint(base, apiKey, d);
    }

    /** {@code base} followed by {@code path}. */
    URI resolve(String path) {
        return URI.create(base + path);
    }

    /** The same address with {@code ws} for {@code http}, for WebSocket protocols. */
    URI socket(String pathAndQuery) {
        String b = base.toString().replaceFirst("^http", "ws");
        return URI.create(b + pathAndQuery);
    }

    @Override
    public String toString() {
        return "Endpoint[" + base + "]";
    }
}
