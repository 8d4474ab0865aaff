package dev.chassis.talk.channel;

import dev.chassis.talk.Session;
import dev.chassis.talk.TurnRecord;
import dev.chassis.talk.Utterance;
import java.util.concurrent.CompletableFuture;

/**
 * Connects a {@link Session} to a {@link Channel}: each turn's reply becomes typing, token and
 * end frames, and an interruption becomes an {@link Frame.Interrupted} frame that overtakes the
 * queue. Thread-safe as far as the session is.
 */
public final class Conversation {

    private final Session session;
    private final Channel channel;

    public Conversation(Session session, Channel channel) {
        this.session = session;
        this.channel = channel;
    }

    public CompletableFuture<TurnRecord> open() {
        channel.send(new Frame.Typing(0));
        return session.open(t -> channel.send(new Frame.Token(0, t))).whenComplete((r, e) -> ended(0, r));
    }

    public CompletableFuture<TurnRecord> say(Utterance utterance) {
        int turn = session.state().turn() + 1;
        channel.send(new Frame.Typing(turn));
        return session.respond(utterance, t -> channel.send(new Frame.Token(turn, t))).whenComplete((r, e) -> ended(turn, r));
    }

    /** The person spoke over the agent. */
    public void interrupt() {
        channel.send(new Frame.Interrupted(session.state().turn()));
        session.interrupt();
    }

    public Session session() {
        return session;
    }

    private void ended(int turn, TurnRecord r) {
        channel.send(new Frame.ReplyEnded(turn, r != null && r.cutOff()));
    }
}
