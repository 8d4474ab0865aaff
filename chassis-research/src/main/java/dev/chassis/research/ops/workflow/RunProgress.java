package dev.chassis.research.ops.workflow;

/**
 * What a study run reports as it goes, for a terminal or a UI. Calls come from the run's threads (session
 * events from several at once); implementations must be thread-safe, quick, and must not throw.
 */
public interface RunProgress {

    RunProgress NONE = new RunProgress() {
    };

    /** A step starts: {@code recruit}, {@code schedule}, {@code invite}, {@code conduct}, {@code synthesise}, {@code quality}, {@code report}. */
    default void stepStarted(String step) {
    }

    /** A step is done; {@code summary} says what it produced, in a line. */
    default void stepDone(String step, String summary) {
    }

    /** A session finished (or was already saved by an earlier attempt of this run). */
    default void sessionDone(String session, int done, int total, boolean resumed) {
    }
}
