package dev.chassis.research.ops.conduct;

import dev.chassis.research.ops.schedule.ScheduledSession;
import dev.chassis.research.transcript.Transcript;

/**
 * Runs one scheduled session and returns its transcript, whose id is the session's id. Offline this is
 * the AI interviewer talking to the synthetic participant that stands in for the person; live, it is the
 * session a participant joins through the session's link. Implementations are thread-safe and
 * deterministic where they can be (the same session, seed and engine give the same transcript).
 *
 * <pre>{@code
 * SessionConductor conductor = (session, events) -> interviewer.run(guide, personaFor(session), events);
 * Transcript t = conductor.conduct(session, SessionEvents.NONE);
 * }</pre>
 */
@FunctionalInterface
public interface SessionConductor {

    /**
     * @throws RuntimeException when the session could not take place; the workflow retries or escalates
     */
    Transcript conduct(ScheduledSession session, SessionEvents events);
}
