package dev.chassis.core.model;

import dev.chassis.core.time.Deadline;

/**
 * An engine that streams a reply for a prompt.
 *
 * <p>Implementations must: deliver tokens to the listener in order and from one thread at a time;
 * never call the listener after the generation is cancelled or done; complete the returned
 * {@link Generation} exactly once, with a {@link Completion} or a {@link ModelException}; fail with
 * {@link ModelException.Timeout} when the deadline passes first. {@link StreamingGeneration} does all
 * of that for an engine. Implementations are thread-safe: one model serves many concurrent calls.
 *
 * <pre>{@code
 * Generation g = model.stream(Prompt.of(Message.user("Hello")), Deadline.in(Duration.ofSeconds(30)), System.out::print);
 * Completion c = g.join();
 * }</pre>
 */
public interface Model {

    /** A stable name for logs and events, for example {@code offline} or {@code openai:gpt-4.1-mini}. */
    String name();

    /**
     * Starts streaming a reply and returns at once.
     *
     * @param prompt   what to answer
     * @param deadline when the whole reply must be done; past it the generation fails with a timeout
     * @param listener receives the reply's text pieces in order
     * @return a handle to cancel the generation or wait for its {@link Completion}
     */
    Generation stream(Prompt prompt, Deadline deadline, TokenListener listener);

    /** Generates a whole reply and waits for it. */
    default Completion generate(Prompt prompt, Deadline deadline) {
        return stream(prompt, deadline, TokenListener.NONE).join();
    }
}
