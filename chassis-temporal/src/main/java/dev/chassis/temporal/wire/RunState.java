package dev.chassis.temporal.wire;

import dev.chassis.work.RunOutcome;
import java.util.Objects;
import java.util.Optional;

/**
 * A run's state as its workflow knows it.
 *
 * @param outcome   where it is: running, paused (what it waits for) or ended; its outputs and usage so far
 * @param pause     the key of the pause it waits on, when paused (a {@link Decision} names it)
 * @param decisions how many decisions it has taken in
 */
public record RunState(RunOutcome outcome, Optional<String> pause, int decisions) {

    public RunState {
        Objects.requireNonNull(outcome, "outcome");
        pause = Objects.requireNonNullElse(pause, Optional.empty());
    }
}
