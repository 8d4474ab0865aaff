package dev.chassis.work.flow;

import java.time.Duration;
import java.util.Optional;

/**
 * Limits of one step. Near a limit (80%) the run pauses to ask; past it the step stops with the evidence.
 *
 * @param attempts   tries before escalating (a failed gate retries)
 * @param iterations model calls per attempt before giving up on the attempt
 * @param tokens     tokens across all attempts, if limited
 * @param cost       cost in US dollars across all attempts, if limited
 * @param wallTime   time spent in model and tool calls across all attempts, if limited
 */
public record StepBudget(int attempts, int iterations, Optional<Integer> tokens, Optional<Double> cost, Optional<Duration> wallTime) {

    public static final StepBudget DEFAULT = new StepBudget(3, 8, Optional.empty(), Optional.empty(), Optional.empty());

    public StepBudget {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1, was " + attempts);
        }
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be at least 1, was " + iterations);
        }
    }

    public StepBudget withAttempts(int n) {
        return new StepBudget(n, iterations, tokens, cost, wallTime);
    }

    public StepBudget withTokens(int n) {
        return new StepBudget(attempts, iterations, Optional.of(n), cost, wallTime);
    }

    public StepBudget withCost(double dollars) {
        return new StepBudget(attempts, iterations, tokens, Optional.of(dollars), wallTime);
    }

    public StepBudget withWallTime(Duration d) {
        return new StepBudget(attempts, iterations, tokens, cost, Optional.of(d));
    }
}
