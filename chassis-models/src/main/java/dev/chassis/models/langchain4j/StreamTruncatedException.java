package dev.chassis.models.langchain4j;

import java.io.IOException;

/** The server closed a stream before its protocol's final event: the reply is incomplete. */
final class StreamTruncatedException extends IOException {

    private static final long serialVersionUID = 1L;

    StreamTruncatedException(String message) {
        super(message);
    }
}
