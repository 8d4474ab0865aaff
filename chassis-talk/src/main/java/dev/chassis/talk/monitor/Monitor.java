package dev.chassis.talk.monitor;

import dev.chassis.talk.signal.Signal;
import dev.chassis.talk.state.SessionState;
import java.time.Duration;
import java.util.List;

/**
 * Looks at a finished user turn beside the conversation and raises signals. Runs on its own virtual
 * thread after the reply is dispatched; if it takes longer than {@link #budget()} it is interrupted
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
     * Whether it is cheap enough (well under a millisecond) to run on the turn's path, before the reply
     * is decided: its signals then steer the reply to the very answer that raised them (a switch of
     * language, a hard moment) instead of the one after. Such a monitor must not block.
     */
    default boolean onTurnPath() {
        return false;
    }

    /** How long this monitor may take per turn before it is cancelled. */
    default Duration budget() {
        return Duration.ofSeconds(3);
    }
}
