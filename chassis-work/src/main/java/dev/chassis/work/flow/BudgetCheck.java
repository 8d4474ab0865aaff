package dev.chassis.work.flow;

import dev.chassis.work.journal.PauseKind;
import dev.chassis.work.journal.RunRecord;
import dev.chassis.work.journal.RunUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A step's and the run's use of their budgets, summed from the record (so replay sees the same
 * numbers). Past a limit the step stops with the figures; at 80% of one the run asks a person once (a
 * budget pause): once per step for the step's budget, once per run for the run's.
 */
final class BudgetCheck {

    static final double ASK_AT = 0.8;
    /** The pseudo-step a run-wide budget decision is keyed under. */
    static final String RUN = "run";

    private final RunRecord record;
    private final RunBudget run;

    BudgetCheck(RunRecord record, RunBudget run) {
        this.record = record;
        this.run = run;
    }

    Optional<AgentLoop.Outcome> check(StepDef step, int attempt) {
        List<String> over = new ArrayList<>();
        List<String> near = new ArrayList<>();
        RunUsage u = record.usage(step.id());
        StepBudget b = step.budget();
        b.tokens().ifPresent(max -> classify("tokens", u.tokens(), max, over, near));
        b.cost().ifPresent(max -> classify("cost $", u.cost(), max, over, near));
        b.wallTime().ifPresent(max -> classify("time ms", u.time().toMillis(), max.toMillis(), over, near));
        List<String> runOver = new ArrayList<>();
        List<String> runNear = new ArrayList<>();
        if (run.isLimited()) {
            RunUsage all = record.usage();
            run.tokens().ifPresent(max -> classify("run tokens", all.tokens(), max, runOver, runNear));
            run.cost().ifPresent(max -> classify("run cost $", all.cost(), max, runOver, runNear));
            run.wallTime().ifPresent(max -> classify("run time ms", all.time().toMillis(), max.toMillis(), runOver, runNear));
        }
        if (!runOver.isEmpty()) {
            return Optional.of(new AgentLoop.Outcome.Failure("run budget exceeded: " + String.join(", ", runOver), true));
        }
        if (!over.isEmpty()) {
            return Optional.of(new AgentLoop.Outcome.Failure("budget exceeded: " + String.join(", ", over), true));
        }
        if (!runNear.isEmpty() && record.get(EventKeys.decision(RUN, PauseKind.BUDGET, 0)).isEmpty()) {
            return Optional.of(new AgentLoop.Outcome.AskBudget(true, "near the run's budget: " + String.join(", ", runNear)));
        }
        if (!near.isEmpty() && record.get(EventKeys.decision(step.id(), PauseKind.BUDGET, 0)).isEmpty()) {
            return Optional.of(new AgentLoop.Outcome.AskBudget(false, "near the budget: " + String.join(", ", near)));
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
