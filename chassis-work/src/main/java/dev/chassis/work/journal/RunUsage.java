package dev.chassis.work.journal;

import java.time.Duration;

/**
 * What a run, or one of its steps, used: summed from its journal, so a resumed or replayed run sees the
 * same figures.
 *
 * @param time time spent in model and tool calls
 */
public record RunUsage(int modelCalls, int toolCalls, int tokens, double cost, Duration time) {

    public static final RunUsage NONE = new RunUsage(0, 0, 0, 0, Duration.ZERO);

    /** Both usages added up. */
    public RunUsage plus(RunUsage other) {
        return new RunUsage(modelCalls + other.modelCalls, toolCalls + other.toolCalls, tokens + other.tokens, cost + other.cost,
                time.plus(other.time));
    }

    /** This usage with one event's share added (model and tool calls count; other events add nothing). */
    RunUsage plus(RunEvent e) {
        return switch (e) {
            case RunEvent.ModelCalled m -> new RunUsage(modelCalls + 1, toolCalls, tokens + m.inputTokens() + m.outputTokens(), cost + m.cost(),
                    time.plusMillis(m.millis()));
            case RunEvent.ToolFinished t -> new RunUsage(modelCalls, toolCalls + 1, tokens, cost, time.plusMillis(t.millis()));
            case RunEvent.Started s -> this;
            case RunEvent.StepStarted s -> this;
            case RunEvent.ToolStarted t -> this;
            case RunEvent.GateChecked g -> this;
            case RunEvent.StepEnded s -> this;
            case RunEvent.Paused p -> this;
            case RunEvent.Decided d -> this;
            case RunEvent.Finished f -> this;
        };
    }
}
