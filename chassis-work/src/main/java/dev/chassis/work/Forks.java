package dev.chassis.work.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chassis.core.ledger.Fix;
import dev.chassis.work.RunDiff;
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

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

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
        List<RunEvent> out = new ArrayList<>();
        for (RunEvent e : original.events()) {
            String step = switch (e) {
                case RunEvent.StepStarted s -> s.step();
                case RunEvent.ModelCalled m -> m.step();
                case RunEvent.ToolStarted t -> t.step();
                case RunEvent.ToolFinished t -> t.step();
                case RunEvent.GateChecked g -> g.step();
                case RunEvent.StepEnded s -> s.step();
                case RunEvent.Paused p -> p.step();
                case RunEvent.Decided d -> d.step();
                case RunEvent.Started s -> null;
                case RunEvent.Finished f -> null;
            };
            if (step != null && keep.contains(step)) {
                out.add(e);
            }
        }
        return out;
    }

    static List<Fix> fixes(JsonNode changes) {
        JsonNode f = changes.path("fixes");
        if (f.isMissingNode() || f.isEmpty()) {
            return List.of();
        }
        try {
            return List.of(JSON.treeToValue(f, Fix[].class));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("corrupt fork changes: " + e.getOriginalMessage(), e);
        }
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
        double cost = 0;
        long millis = 0;
        List<String> verdicts = new ArrayList<>();
        for (RunEvent e : r.events()) {
            switch (e) {
                case RunEvent.StepEnded s when s.step().equals(step) -> {
                    status = s.status();
                    output = s.output();
                    attempts = s.attempts();
                }
                case RunEvent.GateChecked g when g.step().equals(step) -> verdicts.add(g.gate() + "#" + g.attempt() + "=" + g.verdict());
                case RunEvent.ModelCalled m when m.step().equals(step) -> {
                    cost += m.cost();
                    millis += m.millis();
                }
                case RunEvent.ToolFinished t when t.step().equals(step) -> millis += t.millis();
                default -> { }
            }
        }
        return new Side(status, output, verdicts, attempts, cost, millis);
    }
}
