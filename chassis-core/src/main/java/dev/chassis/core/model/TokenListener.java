package dev.chassis.core.model;

/**
 * Receives a reply's text as it streams, in order, one call at a time.
 *
 * <p>Called on the engine's thread: do little here (hand the token to a channel) and never block.
 */
@FunctionalInterface
public interface TokenListener {

    /** A listener that ignores every token. */
    TokenListener NONE = token -> { };

    /** The next piece of the reply; never empty. */
    void onToken(String token);
}
