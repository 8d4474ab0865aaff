package dev.chassis.talk.observe;

import dev.chassis.core.event.HarnessEvent;
import dev.chassis.talk.health.SessionHealth;
import java.time.Duration;
import java.time.Instant;

/** Events of the talk harness, each with its session and turn: a closed set. */
public sealed interface TalkEvent extends HarnessEvent {

    String sessionId();

    int turn();

    /** The model request was sent; {@code overhead} is end of the user's turn → request sent. */
    record RequestSent(Instant at, String sessionId, int turn, Duration overhead, String directive) implements TalkEvent {
        public String kind() {
            return "talk.request-sent";
        }
    }

    /** The first words reached the person; {@code bridge} when they came from the deadline bridge. */
    record FirstTokenDelivered(Instant at, String sessionId, int turn, Duration sinceEndOfTurn, boolean bridge) implements TalkEvent {
        public String kind() {
            return "talk.first-token";
        }
    }

    /** The reply is complete (or was cut). */
    record TurnFinished(Instant at, String sessionId, int turn, Duration total, boolean cutOff, boolean deadlineMissed)
            implements TalkEvent {
        public String kind() {
            return "talk.turn-finished";
        }
    }

    /** A monitor finished within its budget. */
    record MonitorFinished(Instant at, String sessionId, int turn, String monitor, Duration took, int signals) implements TalkEvent {
        public String kind() {
            return "talk.monitor-finished";
        }
    }

    /** A monitor failed or ran out of time; {@code reason} is {@code timeout} or the exception. */
    record MonitorFailed(Instant at, String sessionId, int turn, String monitor, Duration took, String reason) implements TalkEvent {
        public String kind() {
            return "talk.monitor-failed";
        }
    }

    /**
     * A model-backed monitor asked its judge beside the turn; {@code outcome} is {@code answered}, {@code late} (past
     * its budget: the answer is dropped), {@code failed} or {@code malformed} (the lexical verdict stands for those three).
     */
    record JudgeAsked(Instant at, String sessionId, int turn, String monitor, String outcome, Duration took, String reason)
            implements TalkEvent {
        public String kind() {
            return "talk.judge-asked";
        }

        /** Whether the lexical verdict stood in for the judge's. */
        public boolean fellBack() {
            return !outcome.equals("answered");
        }
    }

    /** The model missed the first-token deadline; {@code remedy} says what filled the silence. */
    record DeadlineMissed(Instant at, String sessionId, int turn, Duration deadline, String remedy) implements TalkEvent {
        public String kind() {
            return "talk.deadline-missed";
        }
    }

    /** The person spoke over the reply. */
    record Interrupted(Instant at, String sessionId, int turn, int deliveredCharacters) implements TalkEvent {
        public String kind() {
            return "talk.interrupted";
        }
    }

    /** A guard acted: {@code guard} names it, {@code detail} what it did. */
    record GuardTriggered(Instant at, String sessionId, int turn, String guard, String detail) implements TalkEvent {
        public String kind() {
            return "talk.guard";
        }
    }

    /** The model failed; {@code remedy} says how the turn was still answered. */
    record ModelFailed(Instant at, String sessionId, int turn, String failure, String remedy) implements TalkEvent {
        public String kind() {
            return "talk.model-failed";
        }
    }

    /** Older turns were compacted in the background. */
    record Compacted(Instant at, String sessionId, int turn, int throughTurn, Duration took) implements TalkEvent {
        public String kind() {
            return "talk.compacted";
        }
    }

    /**
     * The session's health changed: saving failed or works again, the model failed or answers again. {@code health}
     * is the health from now on ({@code Session.health()} reads the same).
     */
    record HealthChanged(Instant at, String sessionId, int turn, SessionHealth health) implements TalkEvent {
        public String kind() {
            return "talk.health";
        }
    }
}
