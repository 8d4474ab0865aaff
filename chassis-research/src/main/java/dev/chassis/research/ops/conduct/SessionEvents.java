package dev.chassis.research.ops.conduct;

/**
 * What a running session reports, for progress displays (the demo streams one interview live). Called
 * from the session's thread, in order; implementations must be quick and must not throw.
 */
public interface SessionEvents {

    /** Ignores everything. */
    SessionEvents NONE = new SessionEvents() {
    };

    /** A turn starts: {@code interviewer} or {@code participant}. */
    default void turnStarted(String session, int turn, String speaker) {
    }

    /** A piece of text of the current turn, as it streams. */
    default void text(String session, String piece) {
    }

    /** A turn is complete. */
    default void turnEnded(String session, int turn) {
    }

    /** Something the live monitors noticed, in words: {@code engagement 0.42}, {@code contradiction with turn 4}. */
    default void signal(String session, String description) {
    }
}
