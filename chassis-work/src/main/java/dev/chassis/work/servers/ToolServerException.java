package dev.chassis.work.servers;

import java.io.Serial;

/** A tool server could not be started or reached; the message says which and why, in plain words. */
public final class ToolServerException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    public ToolServerException(String message) {
        super(message);
    }

    public ToolServerException(String message, Throwable cause) {
        super(message, cause);
    }
}
