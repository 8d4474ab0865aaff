package dev.chassis.talk.channel;

/** What flows to the person: a closed set. {@link Interrupted} is a system frame that overtakes queued tokens. */
public sealed interface Frame {

    /** A piece of the reply. */
    record Token(int turn, String text) implements Frame { }

    /** The agent is about to speak (show "typing..."). */
    record Typing(int turn) implements Frame { }

    /** The reply ended; {@code cutOff} when it was interrupted. */
    record ReplyEnded(int turn, boolean cutOff) implements Frame { }

    /** The person spoke over the reply: stop speaking now, drop what is queued. */
    record Interrupted(int turn) implements Frame { }
}
