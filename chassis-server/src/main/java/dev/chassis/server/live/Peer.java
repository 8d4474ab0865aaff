package dev.chassis.server.live;

/**
 * One connection to an interview (a participant's browser tab). {@link #send} must be quick and must not
 * throw: it is called from the model's token callbacks.
 */
public interface Peer {

    /** Sends one JSON message; a closed connection drops it silently. */
    void send(String json);

    /** Closes the connection with a WebSocket close code and reason; an already closed connection ignores it. */
    void close(int code, String reason);
}
