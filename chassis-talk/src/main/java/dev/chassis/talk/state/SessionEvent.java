package dev.chassis.talk.state;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.chassis.core.journal.JournalCodec;
import dev.chassis.talk.signal.Signal;
import dev.chassis.talk.stage.StagedContext;
import dev.chassis.talk.directive.Directive;
import dev.chassis.talk.voice.AudioTiming;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Everything that happens in a session, in order: the log the state is computed from and the
 * journal is written from. A closed set.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.SIMPLE_NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(SessionEvent.Started.class), @JsonSubTypes.Type(SessionEvent.UserSaid.class),
        @JsonSubTypes.Type(SessionEvent.DirectiveIssued.class), @JsonSubTypes.Type(SessionEvent.AgentSaid.class),
        @JsonSubTypes.Type(SessionEvent.SignalRaised.class), @JsonSubTypes.Type(SessionEvent.Interrupted.class),
        @JsonSubTypes.Type(SessionEvent.DeadlineMissed.class), @JsonSubTypes.Type(SessionEvent.Compacted.class),
        @JsonSubTypes.Type(SessionEvent.Closed.class), @JsonSubTypes.Type(SessionEvent.JournalFailed.class),
        @JsonSubTypes.Type(SessionEvent.JournalRecovered.class), @JsonSubTypes.Type(SessionEvent.ModelFailed.class),
        @JsonSubTypes.Type(SessionEvent.ModelRecovered.class), @JsonSubTypes.Type(SessionEvent.Heard.class),
        @JsonSubTypes.Type(SessionEvent.Spoken.class)})
public sealed interface SessionEvent {

    /** Session events to and from journal entries. */
    JournalCodec<SessionEvent> CODEC = JournalCodec.of("session", SessionEvent.class, SessionEvent::at);

    Instant at();

    /** The session began with this staged context. */
    record Started(Instant at, String sessionId, StagedContext staged) implements SessionEvent { }

    /** The person finished a turn; {@code replyDelay} is how long they took to start, when the channel knows. */
    record UserSaid(Instant at, int turn, String text, Optional<Duration> replyDelay) implements SessionEvent { }

    /** Steering chose what the next reply does. */
    record DirectiveIssued(Instant at, int turn, Directive directive) implements SessionEvent { }

    /** The agent's reply as delivered; {@code cutOff} when interrupted, {@code bridged} when a deadline bridge came first. */
    record AgentSaid(Instant at, int turn, String text, boolean cutOff, boolean bridged) implements SessionEvent { }

    /** A monitor raised a signal (possibly late: after the next turn began). */
    record SignalRaised(Instant at, Signal signal) implements SessionEvent { }

    /** The person spoke over the agent; the reply was cut. */
    record Interrupted(Instant at, int turn, int deliveredCharacters) implements SessionEvent { }

    /**
     * The person heard only the first {@code characters} of the reply of {@code turn} (a spoken reply whose playback a
     * barge-in stopped): the transcript keeps that much, marked cut off.
     */
    record Heard(Instant at, int turn, int characters) implements SessionEvent { }

    /** What the audio of a spoken session did (its channel, an answer's timings, a barge-in's): kept with the turns. */
    record Spoken(Instant at, AudioTiming timing) implements SessionEvent { }

    /** The model produced nothing by the first-token deadline. */
    record DeadlineMissed(Instant at, int turn, Duration deadline, String remedy) implements SessionEvent { }

    /** Older turns were summarised so that prompts stay within budget. */
    record Compacted(Instant at, TurnsSummary summary) implements SessionEvent { }

    /** The session ended. */
    record Closed(Instant at) implements SessionEvent { }

    /**
     * A change in whether the session saves and its model answers: a closed set, so that an application says so
     * in plain words (see {@code dev.chassis.talk.health.SessionHealth}). Journaled like every event: the
     * journal's own failure and recovery are written once it takes entries again.
     */
    sealed interface HealthChange extends SessionEvent { }

    /** The journal refused the session's events ({@code problem} in plain words); they wait in memory, nothing is lost. */
    record JournalFailed(Instant at, String problem) implements HealthChange { }

    /** The journal takes the session's events again, every one that waited included, after being down for {@code down}. */
    record JournalRecovered(Instant at, Duration down) implements HealthChange { }

    /**
     * The model failed in a turn ({@code problem} in plain words, a refusal by an open circuit breaker too);
     * {@code remedy} says how the turn was still answered (the fallback engine, or the part already said kept).
     */
    record ModelFailed(Instant at, int turn, String engine, String problem, String remedy) implements HealthChange { }

    /** The model answered a turn again after failing since {@code since}. */
    record ModelRecovered(Instant at, int turn, String engine, Instant since) implements HealthChange { }
}
