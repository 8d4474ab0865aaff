package dev.chassis.talk;

import dev.chassis.core.model.TokenListener;
import dev.chassis.talk.health.SessionHealth;
import dev.chassis.talk.state.SessionState;
import java.util.concurrent.CompletableFuture;

/**
 * One live conversation. A turn at a time: {@link #respond} streams the reply's tokens to the
 * listener and completes with a {@link TurnRecord}; a new {@code respond} or {@link #interrupt}
 * while a reply is streaming cuts it. Thread-safe.
 *
 * <p>A turn's future completes only once the journal has the turn (the person's words and the reply as
 * delivered), so a caller that confirms a turn when its future completes never confirms what a crash
 * could take. The reply streams before that; the wait is at its end, never before its first words.
 *
 * <pre>{@code
 * try (Session s = harness.open(staged)) {
 *     s.open(System.out::print).join();
 *     TurnRecord r = s.respond("I joined last spring.", System.out::print).join();
 * }
 * }</pre>
 */
public interface Session extends AutoCloseable {

    String id();

    /** The current state: lock-free, microseconds. */
    SessionState state();

    /**
     * Whether the session is saving what is said and its model answering, lock-free. A change is also told as a
     * {@code TalkEvent.HealthChanged} and written to the session's log as a {@code SessionEvent.HealthChange}.
     */
    SessionHealth health();

    /** The opening turn (greeting, then the first question). */
    CompletableFuture<TurnRecord> open(TokenListener listener);

    /**
     * Answers a finished user turn. After the agent wrapped up ({@link SessionState#wrappedUp()}, which a
     * resumed session keeps) the session still answers; an application that ends the conversation there
     * checks it before passing more words on.
     */
    CompletableFuture<TurnRecord> respond(Utterance utterance, TokenListener listener);

    default CompletableFuture<TurnRecord> respond(String text, TokenListener listener) {
        return respond(Utterance.of(text), listener);
    }

    /**
     * Prepares the answer to words the person may still be finishing (a spoken turn's partial transcript at a pause),
     * so that the reply is under way when the turn ends: the turn's plan (steering, recall, context) is made from them on
     * a copy of the state, and the reply generated early, its tokens shown to {@code early} (to rehearse its speech).
     * Nothing of it reaches the state, the journal or the events. The next {@link #respond} uses the early reply only if
     * the prompt it builds from the final words is exactly the one prepared (same words, same steering, same recall and
     * state); any difference drops it, as does another preparation. Returns at once; does nothing while a reply streams.
     * The default prepares nothing.
     */
    default void prepare(Utterance draft, TokenListener early) {
    }

    /** Cuts the reply being streamed: the transcript keeps only what was delivered, marked as cut off. */
    void interrupt();

    /**
     * The person heard only the first {@code characters} of the reply of {@code turn} (a spoken reply whose playback
     * stopped there, by a barge-in): the transcript and the journal keep that much, marked cut off, and later prompts
     * see only that. A reply still streaming is cut once it ended; a reply the person heard whole, or a turn the
     * session no longer holds, is left as it is.
     */
    void heard(int turn, int characters);

    /**
     * What the audio of a spoken session did (its channel, a spoken answer's timings, a barge-in's stop time): journaled
     * with the turns, so it survives a crash as they do, and kept in the state's log. Ignored once the session closed.
     */
    void spoken(dev.chassis.talk.voice.AudioTiming timing);

    /**
     * Waits until the work behind earlier turns has finished (or the timeout passes): their monitors, then
     * the indexing and compaction that follow a turn. A live session never needs this (late signals land
     * for the turn after; the rest happens while the person speaks); simulations and tests use it to be
     * deterministic.
     */
    boolean settle(java.time.Duration timeout);

    /** Monitors that threw or ran out of time in this session so far. */
    long monitorFailures();

    /** Ends the session and flushes its journal. */
    @Override
    void close();
}
