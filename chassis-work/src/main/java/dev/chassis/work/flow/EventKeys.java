package dev.chassis.work.flow;

/** The deterministic keys of a run's events: the same action always gets the same key. */
public final class Keys {

    private Keys() {
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

    public static String pause(String step, String kind, int attempt) {
        return "pause:" + step + ":" + kind + ":" + attempt;
    }

    public static String decision(String step, String kind, int attempt) {
        return "decision:" + step + ":" + kind + ":" + attempt;
    }
}
