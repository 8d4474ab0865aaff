package dev.chassis.core.event;

import java.time.Duration;
import java.time.Instant;

/** Events of one tool call: the policy's decision, then the outcome. */
public sealed interface ToolEvent extends Event {

    String callId();

    String tool();

    /** What the policy decided for a call, before it ran. */
    enum Verdict { ALLOWED, DENIED, ASKED_AND_APPROVED, ASKED_AND_REFUSED }

    /** The policy decided; {@code rule} describes the matching rule, or {@code default}. */
    record PolicyDecided(Instant at, String callId, String tool, String arguments, Verdict verdict, String rule,
                         String reason) implements ToolEvent { }

    /** The tool ran; {@code outcome} is ok, error or refused. */
    record Finished(Instant at, String callId, String tool, Duration took, String outcome, String summary)
            implements ToolEvent { }
}
