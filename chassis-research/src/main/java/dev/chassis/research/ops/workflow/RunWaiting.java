package dev.chassis.research.ops.workflow;

import java.util.List;

/**
 * A run stopped to wait for people: live sessions that have not taken place. Everything else is saved;
 * {@code chassis resume} continues once their transcripts are in the inbox.
 */
public final class RunWaiting extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<String> sessions;

    public RunWaiting(List<String> sessions, String message) {
        super(message);
        this.sessions = List.copyOf(sessions);
    }

    /** The sessions still to take place. */
    public List<String> sessions() {
        return sessions;
    }
}
