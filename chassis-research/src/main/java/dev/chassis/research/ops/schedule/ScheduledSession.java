package dev.chassis.research.ops.schedule;

import dev.chassis.research.ops.pool.Participant;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * A booked session.
 *
 * @param id          session id, {@code s-01}, {@code s-02}...; transcripts and quotes use it
 * @param participant who takes part
 * @param start       when, in the researchers' zone
 * @param duration    how long
 * @param link        where the participant joins, for live sessions
 */
public record ScheduledSession(String id, Participant participant, ZonedDateTime start, Duration duration, Optional<String> link) {

    public ScheduledSession {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(participant, "participant");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(link, "link");
    }

    /** The start in the participant's own zone. */
    public ZonedDateTime localStart() {
        return start.withZoneSameInstant(participant.zone());
    }
}
