package dev.chassis.core.token;

/**
 * Counts and cuts text in a model's tokens. Implementations are thread-safe.
 */
public interface Tokenizer {

    /** The encoding's name, for example {@code cl100k_base}. */
    String encoding();

    /** The number of tokens in {@code text}. */
    int count(String text);

    /** The longest prefix of {@code text} that has at most {@code maxTokens} tokens. */
    String truncate(String text, int maxTokens);
}
