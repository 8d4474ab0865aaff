package dev.chassis.spring;

import dev.chassis.core.model.Model;
import dev.chassis.core.model.ModelException;
import dev.chassis.models.ModelFactory;
import java.util.Locale;

/** The model named by {@code chassis.model.*}, built by the same factory as the CLI's {@code --model}. */
final class ChassisModels {

    private static final String ENGINES = "offline, openai, openai-compatible, anthropic or gemini";

    private ChassisModels() {
    }

    static Model create(ChassisProperties.Model p) {
        String spec = spec(p);
        // a key given as a property answers for the engine's variable; the rest of the environment is as it is
        ModelFactory factory = ModelFactory.withEnvironment(name -> p.apiKey() != null && !p.apiKey().isBlank() && name.endsWith("_API_KEY")
                ? p.apiKey() : System.getenv(name)).withTimeout(p.timeout());
        try {
            return factory.create(spec);
        } catch (ModelException.Configuration e) {
            throw new ChassisConfigurationException("chassis.model", e.getMessage(),
                    "Set chassis.model.api-key, or the environment variable the message names, or choose chassis.model.engine=offline.");
        }
    }

    /** The CLI's form of the model: {@code offline}, {@code openai:gpt-4.1-mini}, {@code openai-compatible:<url>#<name>}. */
    static String spec(ChassisProperties.Model p) {
        String engine = p.engine().strip().toLowerCase(Locale.ROOT);
        return switch (engine) {
            case "offline" -> "offline";
            case "openai-compatible" -> {
                if (p.baseUrl() == null) {
                    throw new ChassisConfigurationException("chassis.model.base-url", "the openai-compatible engine needs the server's URL",
                            "Set chassis.model.base-url, e.g. http://127.0.0.1:11434/v1 for Ollama.");
                }
                yield "openai-compatible:" + p.baseUrl() + "#" + name(p, engine);
            }
            case "openai", "anthropic", "gemini" -> engine + ":" + name(p, engine);
            default -> throw new ChassisConfigurationException("chassis.model.engine", "there is no engine '" + p.engine() + "'",
                    "Set chassis.model.engine to " + ENGINES + ".");
        };
    }

    private static String name(ChassisProperties.Model p, String engine) {
        if (p.name() == null || p.name().isBlank()) {
            throw new ChassisConfigurationException("chassis.model.name", "the " + engine + " engine needs a model name",
                    "Set chassis.model.name to the provider's model, e.g. gpt-4.1-mini or llama3.2.");
        }
        return p.name().strip();
    }
}
