package dev.chassis.temporal.wire;

import dev.chassis.work.journal.RunEvent;
import java.util.List;
import java.util.Objects;

/**
 * One gate's check of a step's output.
 *
 * @param gate  the gate's name in the step
 * @param reads the run's instruction-document reads so far (a gate may require one)
 */
public record GateRequest(RunEvent.Started run, String key, String step, int attempt, String gate, String output, List<RunEvent> reads) {

    public GateRequest {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(key, "key");
        reads = List.copyOf(reads);
    }
}
