package dev.chassis.work.flow;

import dev.chassis.work.journal.RunEvent;
import dev.chassis.work.journal.RunRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A step's use of its budget, summed from the record (so replay sees the same numbers). Past a limit
 * the step stops with the figures; at 80% of one the run asks a person once (a budget pause).
 */
final class BudgetCheck {

    static final double ASK_AT = 0.8;

    private final RunRecord record;

    BudgetCheck(RunRecord record) {
        this.record = record;
    }

    /** The step's tokens, cost and time in model and tool calls, over all attempts. */
    record Use(int tokens, double cost, Duration time) { }

    Use use(String step) {
        int tokens = 0;
        double cost = 0;
        long millis = 0;
        for (RunEvent e : record.events()) {
            if (e instanceof RunEvent.ModelCalled m && m.step().equals(step)) {
                tokens += m.inputTokens() + m.outputTokens();
                cost += m.cost();
                millis += m.millis();
            } else if (e instanceof RunEvent.ToolFinished t && t.step().equals(step)) {
                millis += t.millis();
            }
        }
        return new Use(tokens, cost, Duration.ofMillis(millis));
    }

    Optional<AgentLoop.Outcome> check(StepDef step, int attempt) {
        Use u = use(step.id());
        StepBudget b = step.budget();
        List<String> over = new ArrayList<>();
        List<String> near = new ArrayList<>();
        b.tokens().ifPresent(max -> classify("tokens", u.tokens(), max, over, near));
        b.cost().ifPresent(max -> classify("cost $", u.cost(), max, over, near));
        b.wallTime().ifPresent(max -> classify("time ms", u.time().toMillis(), max.toMillis(), over, near));
        if (!over.isEmpty()) {
            return Optional.of(new AgentLoop.Outcome.Failure("budget exceeded: " + String.join(", ", over), true));
        }
        if (!near.isEmpty() && record.get(Keys.decision(step.id(), "budget", 0)).isEmpty()) {
            return Optional.of(new AgentLoop.Outcome.AskBudget("near the budget: " + String.join(", ", near)));
        }
        return Optional.empty();
    }

    private static void classify(String what, double used, double max, List<String> over, List<String> near) {
        String figure = what + " " + round(used) + " of " + round(max);
        if (used >= max) {
            over.add(figure);
        } else if (used >= ASK_AT * max) {
            near.add(figure);
        }
    }

    private static String round(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : String.format(java.util.Locale.ROOT, "%.4f", d);
    }
}
