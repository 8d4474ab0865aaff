package dev.chassis.talk.channel;

import dev.chassis.talk.state.Line;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What flows between a person and a session, a closed set each way: {@link In} from the person (their words, a start,
 * speaking over the reply, leaving), {@link Out} to them (the reply as it streams, its end, notices). A transport (a
 * WebSocket, a terminal, later speech) turns its own messages into these and back; behaviour that depends on the kind
 * is an exhaustive switch. Immutable.
 */
public sealed interface Frame {

    /** From the person. */
    sealed interface In extends Frame { }

    /** To the person. {@link #droppable()} frames are dropped from a queue when an interruption overtakes them. */
    sealed interface Out extends Frame {
        /** Whether an interruption may drop this frame while it waits in a queue (a piece of the reply being cut). */
        default boolean droppable() {
            return false;
        }
    }

    /** A notice about the conversation rather than a reply: never dropped. */
    sealed interface Notice extends Out { }

    // --- in ---

    /** The person is ready: the agent opens the conversation. */
    record Start() implements In { }

    /** The person finished a turn. */
    record Say(String text) implements In { }

    /** The person began to speak (or type) while the agent may still be talking: cut the reply off. */
    record Interrupt() implements In { }

    /** The person's client checks that it is still connected; not taking part. */
    record Ping() implements In { }

    /** The person will speak rather than type: the replies are spoken too ({@link AudioOut}). */
    record Voice() implements In { }

    /**
     * A piece of the person's speech: 16-bit mono samples at 16 kHz, in order. The array is the frame's own (the
     * transport made it for this frame); nobody writes to it after.
     */
    record AudioIn(short[] samples) implements In { }

    /** The person left (closed the page or the terminal). */
    record Stop() implements In { }

    /** A message that could not be read as a frame; {@code problem} says why, in words for the person's client. */
    record Unreadable(String problem) implements In { }

    // --- out ---

    /**
     * Where the conversation stands, sent when someone (re)connects: whether it started or is done, the turn whose
     * reply is streaming ({@code -1} for none) and the transcript so far.
     */
    record Hello(String session, boolean started, boolean done, int speakingTurn, List<Line> transcript) implements Out {
        public Hello {
            transcript = List.copyOf(transcript);
        }
    }

    /** The person's turn arrived; the reply to it is being prepared. */
    record Thinking(int turn) implements Out { }

    /** The agent is about to speak. */
    record ReplyStarted(int turn) implements Out { }

    /** A piece of the reply. Dropped from a queue when the person interrupts. */
    record Token(int turn, String text) implements Out {
        @Override
        public boolean droppable() {
            return true;
        }
    }

    /**
     * The reply ended. {@code confirmed} is present once the session's journal holds the turn (the reply, its first
     * words' time, whether it was the last); empty when the reply failed.
     */
    record ReplyEnded(int turn, String text, boolean cutOff, Optional<Confirmed> confirmed) implements Out { }

    /** A durable turn: when its first words reached the person and whether it wrapped the conversation up. */
    record Confirmed(Optional<Duration> firstWords, boolean last) { }

    /**
     * A piece of the reply spoken: 16-bit mono samples at 16 kHz, in order. Dropped from a queue when the person
     * interrupts, as tokens are. The array is the frame's own; nobody writes to it after.
     */
    record AudioOut(int turn, short[] samples) implements Out {
        @Override
        public boolean droppable() {
            return true;
        }
    }

    /** What was recognised of the person's spoken turn: their line, before the reply to it. */
    record Heard(String text) implements Notice { }

    /** The person spoke over the reply: stop speaking now. Overtakes whatever is queued. */
    record Interrupted(int turn) implements Out { }

    /** The conversation is over (the agent wrapped up and the session is complete). */
    record Done() implements Notice { }

    /** Something went wrong that the person can act on; {@code message} says what, never a technical reason. */
    record Failed(String message) implements Notice { }

    /** Whether what the person says can be saved now (storage fault and recovery). */
    record Storage(boolean ok) implements Notice { }

    /** The conversation was closed after a while without activity; it can be continued later. */
    record Idle() implements Notice { }

    /** The answer to a {@link Ping}. */
    record Pong() implements Notice { }
}
