package dev.chassis.models.langchain4j;

import dev.chassis.core.model.Model;
import dev.langchain4j.model.anthropic.AnthropicStreamingChatModel;
import dev.langchain4j.model.googleai.GoogleAiGeminiStreamingChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Builds the LangChain4j clients for each provider, all on {@link ChassisHttpClient}. Request and
 * response logging stays off: it would print keys and participants' words.
 */
public final class ProviderModels {

    private static final URI OPENAI = URI.create("https://api.openai.com/v1");

    private ProviderModels() {
    }

    /**
     * The OpenAI engine with Chassis's own request writer for conversations without tools (see {@link OpenAiWireModel});
     * LangChain4j's client for the rest. Not yet the engine {@link #openAi} gives: a cancel before the first token
     * does not always close its connection yet (BridgeAgainstSimulatedServerTest pointed at it: 4 runs in 9); the benchmarks measure it.
     */
    public static Model openAiWithRequestWriter(String name, Optional<URI> baseUrl, String model, String apiKey, String keyVariable,
                                                Duration timeout) {
        Model general = openAi(name, baseUrl, model, apiKey, keyVariable, timeout);
        return new OpenAiWireModel(name, baseUrl.orElse(OPENAI), model, apiKey, keyVariable, timeout, general);
    }

    public static Model openAi(String name, Optional<URI> baseUrl, String model, String apiKey, String keyVariable, Duration timeout) {
        OpenAiStreamingChatModel.OpenAiStreamingChatModelBuilder b = OpenAiStreamingChatModel.builder()
                .httpClientBuilder(ChassisHttpClient.builder(ChassisHttpClient.OPENAI_DONE))
                .apiKey(apiKey)
                .modelName(model)
                .timeout(timeout)
                .logRequests(false)
                .logResponses(false);
        baseUrl.ifPresent(u -> b.baseUrl(u.toString()));
        return LangChain4jModel.of(name, b.build(), keyVariable);
    }

    public static Model anthropic(String name, String model, String apiKey, Duration timeout) {
        return LangChain4jModel.of(name, AnthropicStreamingChatModel.builder()
                .httpClientBuilder(ChassisHttpClient.builder(ChassisHttpClient.ANTHROPIC_STOP))
                .apiKey(apiKey)
                .modelName(model)
                .timeout(timeout)
                .logRequests(false)
                .logResponses(false)
                .build(), "ANTHROPIC_API_KEY");
    }

    public static Model gemini(String name, String model, String apiKey, Duration timeout) {
        return LangChain4jModel.of(name, GoogleAiGeminiStreamingChatModel.builder()
                .httpClientBuilder(ChassisHttpClient.builder(ChassisHttpClient.NO_FINAL_EVENT))
                .apiKey(apiKey)
                .modelName(model)
                .timeout(timeout)
                .build(), "GEMINI_API_KEY");
    }
}
