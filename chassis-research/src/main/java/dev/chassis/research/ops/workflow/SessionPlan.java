package dev.chassis.research.ops.workflow;

import dev.chassis.research.ops.schedule.Schedule;
import java.time.OffsetDateTime;
import java.util.List;

/** The scheduling step's record, as saved in {@code schedule.json}. */
public record SessionPlan(List<Booked> sessions, List<NotBooked> unscheduled) {

    public SessionPlan {
        sessions = List.copyOf(sessions);
        unscheduled = List.copyOf(unscheduled);
    }

    /** A booked session, with the time in both zones. */
    public record Booked(String session, String participant, String name, OffsetDateTime start, OffsetDateTime participantStart,
                         String participantZone, String link) {
    }

    /** Someone who could not be scheduled, and why. */
    public record NotBooked(String participant, String reason) {
    }

    static SessionPlan of(Schedule s) {
        return new SessionPlan(s.sessions().stream().map(x -> new Booked(x.id(), x.participant().id(), x.participant().name(),
                        x.start().toOffsetDateTime(), x.localStart().toOffsetDateTime(), x.participant().zone().getId(), x.link().orElse("")))
                .toList(),
                s.unscheduled().stream().map(u -> new NotBooked(u.participant().id(), u.reason())).toList());
    }
}
