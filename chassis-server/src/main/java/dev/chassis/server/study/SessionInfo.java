package dev.chassis.server.study;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A session on the server: one participant's interview, reached through its link.
 *
 * @param status     {@code invited} (link made), {@code live} (participant connected), {@code paused}
 *                   (started, nobody connected), {@code completed}
 * @param participant a label the researcher gave, if any
 * @param run        the research-operations run and its session id, when the session was made for one
 */
public record SessionInfo(String id, String study, String language, Optional<String> participant, Instant created, String status,
                          Optional<Instant> completed, Optional<RunLink> run) {

    public SessionInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(study, "study");
        participant = Objects.requireNonNullElse(participant, Optional.empty());
        completed = Objects.requireNonNullElse(completed, Optional.empty());
        run = Objects.requireNonNullElse(run, Optional.empty());
    }

    /** The run a session belongs to, and its id there (its transcript goes to that run's inbox under it). */
    public record RunLink(String runId, String session) {
    }

    public SessionInfo withStatus(String newStatus) {
        return new SessionInfo(id, study, language, participant, created, newStatus, completed, run);
    }

    public SessionInfo completedAt(Instant at) {
        return new SessionInfo(id, study, language, participant, created, "completed", Optional.of(at), run);
    }
}
