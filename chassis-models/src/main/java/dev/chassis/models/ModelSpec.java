package dev.chassis.models;

import dev.chassis.core.model.ModelException;
import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A parsed model string.
 *
 * <ul>
 *   <li>{@code offline}</li>
 *   <li>{@code openai:<model>}</li>
 *   <li>{@code openai-compatible:<baseUrl>#<model>}, for Ollama, vLLM, llama.cpp and other servers of
 *       the OpenAI protocol</li>
 *   <li>{@code anthropic:<model>}</li>
 *   <li>{@code gemini:<model>}</li>
 * </ul>
 */
public record ModelSpec(Engine engine, String model, Optional<URI> baseUrl) {

    /** The valid forms, for error messages and help. */
    public static final String FORMS =
            "offline, openai:<model>, openai-compatible:<baseUrl>#<model>, anthropic:<model>, gemini:<model>";

    public ModelSpec {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(baseUrl, "baseUrl");
    }

    /** The engines a model string can name. */
    public enum Engine {
        OFFLINE("offline"), OPENAI("openai"), OPENAI_COMPATIBLE("openai-compatible"), ANTHROPIC("anthropic"), GEMINI("gemini");

        private final String prefix;

        Engine(String prefix) {
            this.prefix = prefix;
        }

        public String prefix() {
            return prefix;
        }
    }

    /**
     * Parses a model string.
     *
     * @throws ModelException.Configuration with a one-line message listing the valid forms
     */
    public static ModelSpec parse(String text) {
        String s = text == null ? "" : text.strip();
        if (s.equalsIgnoreCase("offline")) {
            return new ModelSpec(Engine.OFFLINE, "offline", Optional.empty());
        }
        int colon = s.indexOf(':');
        String prefix = colon < 0 ? "" : s.substring(0, colon).toLowerCase(Locale.ROOT);
        String rest = colon < 0 ? "" : s.substring(colon + 1).strip();
        Engine engine = null;
        for (Engine e : Engine.values()) {
            if (e != Engine.OFFLINE && e.prefix.equals(prefix)) {
                engine = e;
            }
        }
        if (engine == null || rest.isEmpty()) {
            throw unknown(s);
        }
        if (engine != Engine.OPENAI_COMPATIBLE) {
            return new ModelSpec(engine, rest, Optional.empty());
        }
        int hash = rest.lastIndexOf('#');
        if (hash <= 0 || hash == rest.length() - 1) {
            throw new ModelException.Configuration(s, "model '" + s + "' needs a base URL and a model name: "
                    + "openai-compatible:<baseUrl>#<model>, e.g. openai-compatible:http://127.0.0.1:11434/v1#llama3.2");
        }
        URI url;
        try {
            url = URI.create(rest.substring(0, hash));
        } catch (IllegalArgumentException e) {
            throw new ModelException.Configuration(s, "model '" + s + "': '" + rest.substring(0, hash) + "' is not a valid URL");
        }
        if (url.getScheme() == null || !(url.getScheme().equals("http") || url.getScheme().equals("https")) || url.getHost() == null) {
            throw new ModelException.Configuration(s, "model '" + s + "': the base URL must be http(s)://host[:port]/path, was '" + url + "'");
        }
        return new ModelSpec(engine, rest.substring(hash + 1), Optional.of(url));
    }

    private static ModelException.Configuration unknown(String s) {
        return new ModelException.Configuration(s.isEmpty() ? "?" : s,
                "unknown model '" + s + "'; use one of: " + FORMS);
    }

    /** The canonical model string. */
    @Override
    public String toString() {
        return switch (engine) {
            case OFFLINE -> "offline";
            case OPENAI_COMPATIBLE -> engine.prefix + ":" + baseUrl.map(URI::toString).orElse("") + "#" + model;
            default -> engine.prefix + ":" + model;
        };
    }
}
