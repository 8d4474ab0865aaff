package dev.chassis.work;

import java.util.ArrayList;
import java.util.List;

/** How two runs of a workflow differ, step by step: outputs, gate verdicts, attempts, cost and time. */
public record RunDiff(String runA, String runB, List<StepDiff> steps) {

    public RunDiff {
        steps = List.copyOf(steps);
    }

    /** One step in both runs; {@code status} and outputs are empty for a step that did not run. */
    public record StepDiff(String step, String statusA, String statusB, String outputA, String outputB, List<String> verdictsA,
                           List<String> verdictsB, int attemptsA, int attemptsB, double costA, double costB, long millisA, long millisB) {

        public boolean sameOutput() {
            return outputA.equals(outputB);
        }
    }

    /** Steps whose outputs differ. */
    public List<StepDiff> changed() {
        return steps.stream().filter(s -> !s.sameOutput() || !s.statusA().equals(s.statusB())).toList();
    }

    /** A readable report. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        out.add("diff " + runA + " -> " + runB);
        double costA = 0;
        double costB = 0;
        long millisA = 0;
        long millisB = 0;
        for (StepDiff s : steps) {
            costA += s.costA();
            costB += s.costB();
            millisA += s.millisA();
            millisB += s.millisB();
            String mark = s.sameOutput() && s.statusA().equals(s.statusB()) ? "  " : "~ ";
            out.add(mark + s.step() + ": " + s.statusA() + " -> " + s.statusB() + ", attempts " + s.attemptsA() + " -> " + s.attemptsB()
                    + ", gates " + s.verdictsA() + " -> " + s.verdictsB());
            if (!s.sameOutput()) {
                out.add("    - " + brief(s.outputA()));
                out.add("    + " + brief(s.outputB()));
            }
        }
        out.add(String.format(java.util.Locale.ROOT, "cost $%.4f -> $%.4f, time in calls %d ms -> %d ms", costA, costB, millisA, millisB));
        return out;
    }

    private static String brief(String s) {
        String one = s.replaceAll("\\s+", " ").strip();
        return one.length() > 160 ? one.substring(0, 160) + "…" : one;
    }
}
