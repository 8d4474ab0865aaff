package dev.chassis.talk.channel;

import dev.chassis.talk.Session;
import dev.chassis.talk.TurnRecord;
import dev.chassis.talk.Utterance;
import dev.chassis.talk.directive.Directive;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Connects a {@link Session} to a {@link Channel}: each turn's reply becomes {@link Frame.ReplyStarted}, token and
 * {@link Frame.ReplyEnded} frames, and an interruption cuts the session's reply and sends a {@link Frame.Interrupted}
 * frame, which overtakes a queue. What the caller keeps about a turn runs in {@link TurnHooks}: before the end is sent
 * (so the person cannot answer a turn the caller has not recorded) and after it. Thread-safe as far as the session is.
 */
public final class Conversation {

    /** The caller's part of a turn's end; {@code failure} is null when the turn has a record, and the record null otherwise. */
    public interface TurnHooks {
        TurnHooks NONE = new TurnHooks() { };

        /** Before the person hears that the reply ended. */
        default void ending(int turn, TurnRecord record, Throwable failure) {
        }

        /** After the end was sent. */
        default void ended(int turn, TurnRecord record, Throwable failure) {
        }
    }

    private final Session session;
    private final Channel channel;
    private final TurnHooks hooks;
    private int speaking = -1;                       // guarded by this
    /** Done once the last interruption was sent: a reply cut by it ends after it, never before. Guarded by this. */
    private CompletableFuture<Void> interruptionSent = CompletableFuture.completedFuture(null);

    public Conversation(Session session, Channel channel) {
        this(session, channel, TurnHooks.NONE);
    }

    public Conversation(Session session, Channel channel, TurnHooks hooks) {
        this.session = session;
        this.channel = channel;
        this.hooks = hooks;
    }

    /** The agent opens the conversation (turn 0). */
    public CompletableFuture<TurnRecord> open() {
        started(0);
        return ends(0, session.open(t -> channel.send(new Frame.Token(0, t))));
    }

    /** The person finished a turn: {@link Frame.Thinking}, then the reply. */
    public CompletableFuture<TurnRecord> say(Utterance utterance) {
        int turn = session.state().turn() + 1;
        channel.send(new Frame.Thinking(turn));
        started(turn);
        return ends(turn, session.respond(utterance, t -> channel.send(new Frame.Token(turn, t))));
    }

    /**
     * The person spoke over the agent: the session's reply stops (no token follows), then the interruption is sent.
     *
     * @return whether a reply was streaming
     */
    public boolean interrupt() {
        int turn;
        CompletableFuture<Void> sent = new CompletableFuture<>();
        synchronized (this) {
            turn = speaking;
            if (turn < 0) {
                return false;
            }
            interruptionSent = sent;
        }
        try {
            session.interrupt();   // the cut reply may end on this very thread, or on another, before the next line
            channel.send(new Frame.Interrupted(turn));
        } finally {
            sent.complete(null);
        }
        return true;
    }

    /** The turn whose reply is streaming, {@code -1} when none. */
    public synchronized int speakingTurn() {
        return speaking;
    }

    public Session session() {
        return session;
    }

    private void started(int turn) {
        synchronized (this) {
            speaking = turn;
        }
        channel.send(new Frame.ReplyStarted(turn));
    }

    /** The reply's end, sent after an interruption under way: the returned future completes once the end was sent. */
    private CompletableFuture<TurnRecord> ends(int turn, CompletableFuture<TurnRecord> reply) {
        CompletableFuture<TurnRecord> done = new CompletableFuture<>();
        reply.whenComplete((r, e) -> {
            Throwable failure = e instanceof CompletionException c && c.getCause() != null ? c.getCause() : e;
            CompletableFuture<Void> after;
            synchronized (this) {
                if (speaking == turn) {
                    speaking = -1;
                }
                after = interruptionSent;
            }
            after.whenComplete((v, x) -> {
                try {
                    hooks.ending(turn, r, failure);
                    channel.send(failure != null ? new Frame.ReplyEnded(turn, "", true, Optional.empty())
                            : new Frame.ReplyEnded(turn, r.reply(), r.cutOff(), Optional.of(new Frame.Confirmed(r.timings().firstDelivered(),
                                    r.directive() instanceof Directive.WrapUp && !r.cutOff()))));
                    hooks.ended(turn, r, failure);
                } catch (RuntimeException | Error hookFailed) {
                    done.completeExceptionally(hookFailed);
                    return;
                }
                if (failure != null) {
                    done.completeExceptionally(failure);
                } else {
                    done.complete(r);
                }
            });
        });
        return done;
    }
}
