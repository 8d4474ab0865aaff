package dev.chassis.spring;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code chassis.*} properties. Everything has a default: with none set, the harnesses run on the
 * offline engine (no network, no key).
 *
 * <pre>{@code
 * chassis.model.engine=openai-compatible
 * chassis.model.base-url=http://127.0.0.1:11434/v1
 * chassis.model.name=llama3.2
 * }</pre>
 *
 * @param model the model both harnesses use
 * @param talk  the talk harness's timing
 * @param work  the work harness's folders
 */
@ConfigurationProperties("chassis")
public record ChassisProperties(@DefaultValue Model model, @DefaultValue Talk talk, @DefaultValue Work work) {

    /**
     * The model both harnesses use.
     *
     * @param engine  offline (the default: deterministic, no network), openai, openai-compatible, anthropic or gemini
     * @param name    the provider's model name (gpt-4.1-mini, llama3.2); required for every engine but offline
     * @param baseUrl where an openai-compatible server answers (Ollama, vLLM, llama.cpp), e.g. http://127.0.0.1:11434/v1
     * @param apiKey  the provider's key; when unset it is read from the engine's environment variable (OPENAI_API_KEY, ...)
     * @param timeout how long a provider's reply may take to be read
     */
    public record Model(@DefaultValue("offline") String engine, String name, URI baseUrl, String apiKey,
            @DefaultValue("120s") Duration timeout) {
    }

    /**
     * The talk harness's timing.
     *
     * @param firstTokenDeadline how long a turn waits for the model's first token before the fallback bridges
     * @param replyTimeout       how long a whole reply may take
     */
    public record Talk(@DefaultValue("800ms") Duration firstTokenDeadline, @DefaultValue("60s") Duration replyTimeout) {
    }

    /**
     * The work harness's folders.
     *
     * @param workdir the folder the read_file tool may read (unset: the application's working directory)
     * @param files   the folder the write_file tool may write into (unset: no write_file tool)
     */
    public record Work(Path workdir, Path files) {
    }
}
