package dev.chassis.models;

import dev.chassis.core.model.Model;
import dev.chassis.core.model.ModelException;
import dev.chassis.models.breaker.CircuitBreakingModel;
import dev.chassis.models.observe.ModelSpans;
import io.opentelemetry.api.GlobalOpenTelemetry;
import dev.chassis.models.langchain4j.ProviderModels;
import dev.chassis.models.offline.OfflineModel;
import dev.chassis.models.offline.Pacing;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Builds a {@link Model} from a model string (see {@link ModelSpec}), with API keys from the
 * environment. Keys are passed straight to the provider client and never logged, printed or put in
 * an exception message. Thread-safe.
 *
 * <pre>{@code
 * Model m = ModelFactory.fromEnvironment().create("anthropic:claude-sonnet-4-5");
 * }</pre>
 */
public final class ModelFactory {

    private final Function<String, String> environment;
    private final Pacing offlinePacing;
    private final Duration timeout;

    private ModelFactory(Function<String, String> environment, Pacing offlinePacing, Duration timeout) {
        this.environment = Objects.requireNonNull(environment, "environment");
        this.offlinePacing = Objects.requireNonNull(offlinePacing, "offlinePacing");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /** Keys from {@link System#getenv(String)}. */
    public static ModelFactory fromEnvironment() {
        return new ModelFactory(System::getenv, Pacing.LIVELY, Duration.ofSeconds(120));
    }

    /** Keys from the given lookup (for tests and for applications with their own secret store). */
    public static ModelFactory withEnvironment(Function<String, String> environment) {
        return new ModelFactory(environment, Pacing.LIVELY, Duration.ofSeconds(120));
    }

    /** A copy whose offline engine streams with {@code pacing}. */
    public ModelFactory withOfflinePacing(Pacing pacing) {
        return new ModelFactory(environment, pacing, timeout);
    }

    /** A copy whose provider clients give up reading after {@code readTimeout}. */
    public ModelFactory withTimeout(Duration readTimeout) {
        return new ModelFactory(environment, offlinePacing, readTimeout);
    }

    /**
     * The model named by {@code modelString}. A provider's engine comes behind a {@link CircuitBreakingModel}
     * (default settings), so a provider that keeps failing is not called for a while and its health is
     * readable; the offline engine needs none.
     *
     * @throws ModelException.Configuration for an unknown form or a missing key, naming what to set
     */
    public Model create(String modelString) {
        Model engine = engine(ModelSpec.parse(modelString));
        // traced inside the breaker: spans are the calls that reached the provider; refusals are the breaker's own
        return engine instanceof OfflineModel ? engine : CircuitBreakingModel.of(ModelSpans.traced(engine, GlobalOpenTelemetry.get()));
    }

    private Model engine(ModelSpec spec) {
        return switch (spec.engine()) {
            case OFFLINE -> OfflineModel.builder().pacing(offlinePacing).build();
            case OPENAI -> ProviderModels.openAi(spec.toString(), Optional.empty(), spec.model(), require(spec, "OPENAI_API_KEY"),
                    "OPENAI_API_KEY", timeout);
            case OPENAI_COMPATIBLE -> ProviderModels.openAi(spec.toString(), spec.baseUrl(), spec.model(),
                    optional("OPENAI_COMPATIBLE_API_KEY").orElse("not-needed"), "OPENAI_COMPATIBLE_API_KEY", timeout);
            case ANTHROPIC -> ProviderModels.anthropic(spec.toString(), spec.model(), require(spec, "ANTHROPIC_API_KEY"), timeout);
            case GEMINI -> {
                Optional<String> key = optional("GEMINI_API_KEY").or(() -> optional("GOOGLE_API_KEY"));
                if (key.isEmpty()) {
                    throw new ModelException.Configuration(spec.toString(),
                            "model '" + spec + "' needs an API key: set GEMINI_API_KEY (or GOOGLE_API_KEY)");
                }
                yield ProviderModels.gemini(spec.toString(), spec.model(), key.get(), timeout);
            }
        };
    }

    /** Every engine and how to configure it. */
    public static List<EngineInfo> engines() {
        return List.of(
                new EngineInfo("offline", "offline", Optional.empty(),
                        "deterministic, no network; realises the harnesses' intents; the default"),
                new EngineInfo("openai:<model>", "openai:gpt-4.1-mini", Optional.of("OPENAI_API_KEY"), "OpenAI"),
                new EngineInfo("openai-compatible:<baseUrl>#<model>", "openai-compatible:http://127.0.0.1:11434/v1#llama3.2",
                        Optional.of("OPENAI_COMPATIBLE_API_KEY"), "Ollama, vLLM, llama.cpp and other OpenAI-protocol servers; key optional"),
                new EngineInfo("anthropic:<model>", "anthropic:claude-sonnet-4-5", Optional.of("ANTHROPIC_API_KEY"), "Anthropic"),
                new EngineInfo("gemini:<model>", "gemini:gemini-2.5-flash", Optional.of("GEMINI_API_KEY"),
                        "Google Gemini (GOOGLE_API_KEY also works)"));
    }

    private String require(ModelSpec spec, String variable) {
        return optional(variable).orElseThrow(() -> new ModelException.Configuration(spec.toString(),
                "model '" + spec + "' needs an API key: set " + variable));
    }

    private Optional<String> optional(String variable) {
        String v = environment.apply(variable);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
    }
}
