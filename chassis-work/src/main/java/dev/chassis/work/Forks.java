package dev.chassis.work;

import dev.chassis.work.flow.StepDef;
import dev.chassis.work.flow.Workflow;
import dev.chassis.work.journal.RunEvent;
import dev.chassis.work.journal.RunRecord;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Forking a run (which of its events a fork keeps) and comparing two runs. */
final class Forks {

    private Forks() {
    }

    /** The original's events for the steps before {@code fromStep} (in topological order): work the fork reuses. */
    static List<RunEvent> kept(RunRecord original, Workflow wf, String fromStep) {
        Set<String> keep = new HashSet<>();
        for (StepDef s : wf.topologicalOrder()) {
            if (s.id().equals(fromStep)) {
                break;
            }
            keep.add(s.id());
        }
        return original.events().stream().filter(e -> e.stepId().filter(keep::contains).isPresent()).toList();
    }

    static RunDiff diff(Workflow wf, RunRecord a, RunRecord b) {
        List<RunDiff.StepDiff> steps = new ArrayList<>();
        for (StepDef s : wf.topologicalOrder()) {
            Side x = side(a, s.id());
            Side y = side(b, s.id());
            steps.add(new RunDiff.StepDiff(s.id(), x.status, y.status, x.output, y.output, x.verdicts, y.verdicts, x.attempts, y.attempts,
                    x.cost, y.cost, x.millis, y.millis));
        }
        return new RunDiff(a.runId(), b.runId(), steps);
    }

    private record Side(String status, String output, List<String> verdicts, int attempts, double cost, long millis) { }

    private static Side side(RunRecord r, String step) {
        String status = "not run";
        String output = "";
        int attempts = 0;
        List<String> verdicts = new ArrayList<>();
        for (RunEvent e : r.events()) {
            switch (e) {
                case RunEvent.StepEnded s when s.step().equals(step) -> {
                    status = s.status().label();
                    output = s.output();
                    attempts = s.attempts();
                }
                case RunEvent.GateChecked g when g.step().equals(step) -> verdicts.add(g.gate() + "#" + g.attempt() + "=" + g.verdict().label());
                default -> { }
            }
        }
        var used = r.usage(step);
        return new Side(status, output, verdicts, attempts, used.cost(), used.time().toMillis());
    }
}
