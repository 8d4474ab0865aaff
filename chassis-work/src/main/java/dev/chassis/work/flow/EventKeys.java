package dev.chassis.work.flow;

import dev.chassis.work.journal.PauseKind;

/** The deterministic keys under which a run's events are journaled: the same action always gets the same key, so replay finds it. */
public final class EventKeys {

    private EventKeys() {
    }

    public static String started() {
        return "run";
    }

    public static String finished() {
        return "run:end";
    }

    public static String stepStarted(String step, int attempt) {
        return "step:" + step + ":" + attempt + ":start";
    }

    public static String stepEnded(String step) {
        return "step:" + step + ":end";
    }

    public static String model(String step, int attempt, int iteration) {
        return "step:" + step + ":" + attempt + ":model:" + iteration;
    }

    public static String tool(String step, int attempt, int iteration, int index) {
        return "step:" + step + ":" + attempt + ":tool:" + iteration + ":" + index;
    }

    public static String gate(String step, int attempt, String gate) {
        return "step:" + step + ":" + attempt + ":gate:" + gate;
    }

    public static String pause(String step, PauseKind kind, int attempt) {
        return "pause:" + step + ":" + kind.label() + ":" + attempt;
    }

    public static String decision(String step, PauseKind kind, int attempt) {
        return "decision:" + step + ":" + kind.label() + ":" + attempt;
    }

    /** The pause of a tool call the policy says to ask about; its decision is {@link #decisionFor} it. */
    public static String toolPause(String toolKey) {
        return "pause:" + toolKey;
    }

    /** The decision that answers the pause journaled under {@code pauseKey}. */
    public static String decisionFor(String pauseKey) {
        return pauseKey.replaceFirst("^pause:", "decision:");
    }
}
