package dev.chassis.research.ops.conduct;

/**
 * A live session has not happened yet: its transcript is not in the inbox. Not a failure: the run waits
 * (pauses for people) and continues with {@code chassis resume} once the session is done.
 */
public final class SessionPending extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String session;

    public SessionPending(String session, String message) {
        super(message);
        this.session = session;
    }

    public String session() {
        return session;
    }
}
