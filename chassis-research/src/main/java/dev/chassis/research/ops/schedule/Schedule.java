package dev.chassis.research.ops.schedule;

import dev.chassis.research.ops.pool.Participant;
import java.util.List;

/** Booked sessions, and the people no slot could be found for, with why. */
public record Schedule(List<ScheduledSession> sessions, List<Unscheduled> unscheduled) {

    public Schedule {
        sessions = List.copyOf(sessions);
        unscheduled = List.copyOf(unscheduled);
    }

    /** Someone who could not be scheduled. */
    public record Unscheduled(Participant participant, String reason) {
    }
}
