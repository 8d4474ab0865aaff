package dev.chassis.talk.monitor;

import dev.chassis.talk.signal.Signal;
import dev.chassis.talk.state.SessionState;
import java.time.Duration;
import java.util.List;

/**
 * Looks at a finished user turn beside the conversation and raises signals: {@link #glance} on the
 * turn's path (cheap, optional), {@link #observe} on its own virtual thread after the reply is dispatched; if it takes longer than {@link #budget()} it is interrupted
 * and counted, and its turn's reply is never delayed. Implementations must be thread-safe (turns may
 * overlap) and should keep no state of their own: everything they need is in the snapshot.
 *
 * <pre>{@code
 * Monitor pricing = new Monitor() {
 *     public String name() { return "pricing"; }
 *     public List<Signal> observe(TurnView turn, SessionState s) {
 *         return turn.text().contains("€")
 *                 ? List.of(new Signal.Note(turn.turn(), name(), "price-mentioned", Map.of(), List.of(turn.turn())))
 *                 : List.of();
 *     }
 * };
 * }</pre>
 */
public interface Monitor {

    /** A stable name for events, counters and signals. */
    String name();

    /**
     * The signals this turn gives rise to.
     *
     * @param turn     the finished user turn
     * @param snapshot the state after the turn was appended
     * @throws Exception any failure; it is counted and ignored
     */
    List<Signal> observe(TurnView turn, SessionState snapshot) throws Exception;

    /**
     * Whether the whole of {@link #observe} is cheap enough (well under a millisecond) to run on the turn's
     * path, before the reply is decided, instead of beside it. Prefer {@link #glance}: a cheap check on the
     * path and the full reading beside.
     */
    default boolean onTurnPath() {
        return false;
    }

    /**
     * The cheap check on the turn's path, before the reply is decided: only what decides whether the reply
     * to this very answer must change (a switch of language, a hard moment), in microseconds, never blocking.
     * Its signals are in the snapshot {@link #observe} then gets beside the turn, so the full reading can
     * confirm, refine or leave them. By default nothing, or the whole of {@code observe} when {@link #onTurnPath()}.
     */
    default List<Signal> glance(TurnView turn, SessionState snapshot) throws Exception {
        return onTurnPath() ? observe(turn, snapshot) : List.of();
    }

    /** How long this monitor may take per turn before it is cancelled. */
    default Duration budget() {
        return Duration.ofSeconds(3);
    }
}
