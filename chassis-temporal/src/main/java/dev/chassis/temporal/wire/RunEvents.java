package dev.chassis.temporal.wire;

import dev.chassis.work.journal.RunEvent;
import java.util.List;

/**
 * A run's events in order, as a record so that each event travels with its type (a bare list loses it to
 * erasure and cannot be read back).
 */
public record RunEvents(List<RunEvent> events) {

    public RunEvents {
        events = List.copyOf(events);
    }
}
