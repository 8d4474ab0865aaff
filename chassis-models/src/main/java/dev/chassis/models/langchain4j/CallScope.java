package dev.chassis.models.langchain4j;

import dev.chassis.core.model.StreamingGeneration;
import java.util.Optional;

/**
 * Carries the generation being started from the bridge to the HTTP client on the calling thread.
 * LangChain4j calls the HTTP client synchronously inside {@code chat(...)}, so the client can tie
 * the connection to the generation and close it on a cancel, even before the first token.
 */
final class CallScope {

    private static final ThreadLocal<StreamingGeneration> CURRENT = new ThreadLocal<>();

    private CallScope() {
    }

    static void run(StreamingGeneration generation, Runnable call) {
        CURRENT.set(generation);
        try {
            call.run();
        } finally {
            CURRENT.remove();
        }
    }

    static Optional<StreamingGeneration> current() {
        return Optional.ofNullable(CURRENT.get());
    }
}
