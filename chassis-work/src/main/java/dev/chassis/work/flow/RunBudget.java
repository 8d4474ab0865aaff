package dev.chassis.work.flow;

import java.time.Duration;
import java.util.Optional;

/**
 * Limits of a whole run, beside each step's own: tokens, cost and time in model and tool calls over
 * every step. Near a limit (80%) the run pauses once to ask a person whether to go on; past it the
 * step that crossed it fails with the figures, and so does the run.
 *
 * @param tokens   tokens over the run, if limited
 * @param cost     cost in US dollars over the run, if limited
 * @param wallTime time in model and tool calls over the run, if limited
 */
public record RunBudget(Optional<Integer> tokens, Optional<Double> cost, Optional<Duration> wallTime) {

    /** No limits. */
    public static final RunBudget NONE = new RunBudget(Optional.empty(), Optional.empty(), Optional.empty());

    public RunBudget {
        tokens.ifPresent(t -> require(t > 0, "a run's token budget must be positive, was " + t));
        cost.ifPresent(c -> require(c > 0, "a run's cost budget must be positive, was " + c));
        wallTime.ifPresent(w -> require(!w.isNegative() && !w.isZero(), "a run's time budget must be positive, was " + w));
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    public RunBudget withTokens(int n) {
        return new RunBudget(Optional.of(n), cost, wallTime);
    }

    public RunBudget withCost(double dollars) {
        return new RunBudget(tokens, Optional.of(dollars), wallTime);
    }

    public RunBudget withWallTime(Duration d) {
        return new RunBudget(tokens, cost, Optional.of(d));
    }

    public boolean isLimited() {
        return tokens.isPresent() || cost.isPresent() || wallTime.isPresent();
    }
}
