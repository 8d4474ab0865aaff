package dev.chassis.testkit.server;

/** A failure the server can inject into a request. */
public enum Fault {
    /** Never answers: the client must give up by its own deadline. */
    HANG,
    /** HTTP 429 with a {@code Retry-After} header. */
    RATE_LIMITED,
    /** HTTP 500 with an error body. */
    SERVER_ERROR,
    /** Streams part of the reply, then ends the response without the final {@code [DONE]}. */
    DROP_MID_STREAM,
    /** Streams part of the reply, then a chunk that is not valid JSON. */
    MALFORMED_CHUNK
}
