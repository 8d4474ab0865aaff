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

    /** How an OpenAI engine builds a request; {@link #WRITER} is what {@code openai:} and {@code openai-compatible:} engines use. */
    public enum RequestPath {
        /**
         * Chassis's request writer for conversations without tools, LangChain4j's client for the rest: compact JSON whose
         * earlier messages are copied as bytes, sent from the caller's thread to an {@code http:} server ({@code WireClient}),
         * chunks read without a tree. The default since session 9 (issue 18.3): the same requests as LangChain4j's
         * (OpenAiRequestWriterTest), every provider test passes on it, and it is faster to the wire and cheaper per turn
         * (docs/BENCHMARKS.md).
         */
        WRITER,
        /** LangChain4j's OpenAI client builds every request and reads every reply (measured beside the writer). */
        LANGCHAIN4J
    }

    /** The {@code openai:} and {@code openai-compatible:} engine: the request writer, LangChain4j's OpenAI client for prompts with tools. */
    public static Model openAi(String name, Optional<URI> baseUrl, String model, String apiKey, String keyVariable, Duration timeout) {
        return openAi(name, baseUrl, model, apiKey, keyVariable, timeout, RequestPath.WRITER);
    }

    /** The OpenAI engine with the given request path (the benchmarks compare them in one run). */
    public static Model openAi(String name, Optional<URI> baseUrl, String model, String apiKey, String keyVariable, Duration timeout,
                               RequestPath path) {
        OpenAiStreamingChatModel.OpenAiStreamingChatModelBuilder b = OpenAiStreamingChatModel.builder()
                .httpClientBuilder(ChassisHttpClient.builder(ChassisHttpClient.OPENAI_DONE))
                .apiKey(apiKey)
                .modelName(model)
                .timeout(timeout)
                .logRequests(false)
                .logResponses(false);
        baseUrl.ifPresent(u -> b.baseUrl(u.toString()));
        Model general = LangChain4jModel.of(name, b.build(), keyVariable);
        return path == RequestPath.LANGCHAIN4J ? general
                : new OpenAiWireModel(name, baseUrl.orElse(OPENAI), model, apiKey, keyVariable, timeout, general);
    }

    /**
     * Requests sent with Chassis's request writer since the process started, and how many of their bodies a thread other
     * than the caller's took to write (a hand-off before the wire), for the benchmarks.
     */
    public static long[] requestsSentAndHandedOff() {
        return ChassisHttpClient.sentAndHandedOff();
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
