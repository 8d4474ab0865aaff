package dev.chassis.server.ops;

import java.time.Instant;
import java.util.Optional;

/**
 * One step of a run as the timeline shows it.
 *
 * @param status  {@code running}, {@code done}, {@code paused} (waiting for people) or {@code failed}
 * @param attempt how many times this step has started in this run (a resumed run starts unfinished steps again)
 * @param summary what the step produced, or why it stopped
 */
public record StepView(String step, String status, int attempt, Instant started, Optional<Instant> ended, String summary) {

    StepView end(String newStatus, Instant at, String why) {
        return new StepView(step, newStatus, attempt, started, Optional.of(at), why);
    }
}
