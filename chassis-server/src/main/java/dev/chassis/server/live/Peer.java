package dev.chassis.server.live;

import dev.chassis.talk.channel.Channel;

/**
 * One connection to an interview (a participant's browser tab): a {@link Channel} for the frames to the participant.
 * {@link #send} must be quick and must not throw: it is called from the model's token callbacks; a closed connection
 * drops what it is sent.
 */
public interface Peer extends Channel {

    /**
     * Closes the connection with a WebSocket close code and reason, after the frames sent before; an already closed
     * connection ignores it.
     */
    void close(int code, String reason);

    /** Whether the connection is known to have closed (its close handler ran); such a peer receives nothing more. */
    boolean closed();
}
