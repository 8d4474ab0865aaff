package dev.chassis.server.live;

import java.time.Duration;

/**
 * When each side of one interview last did something, on the monotonic clock: the interviewer finishing a reply, the
 * participant's first keystroke after it, and the participant's last message or connection. Tells how long the person
 * waited before starting a turn and how long the interview has been idle. Fields are volatile because typing is recorded
 * without the interview's lock; each is written by one kind of event only.
 */
final class TurnClock {

    private volatile long agentDoneNanos = System.nanoTime();
    private volatile long typingSinceNanos; // first keystroke after the agent finished, 0 when none
    private volatile long activeNanos = System.nanoTime();

    /** The interviewer finished a reply at {@code nowNanos}. */
    void agentDone(long nowNanos) {
        agentDoneNanos = nowNanos;
    }

    /** The participant pressed a key at {@code nowNanos}: the first one after the reply counts. */
    void typing(long nowNanos) {
        if (typingSinceNanos == 0) {
            typingSinceNanos = nowNanos;
        }
    }

    /** The participant sent a message or connected at {@code nowNanos}: the idle clock starts again. */
    void active(long nowNanos) {
        activeNanos = nowNanos;
    }

    /**
     * How long the participant waited after the interviewer finished before beginning the turn that ends at
     * {@code nowNanos} (typing or speaking); the next turn's typing is counted afresh.
     */
    Duration turnEnded(long nowNanos) {
        Duration pause = pause(nowNanos);
        typingSinceNanos = 0;
        return pause;
    }

    /** {@link #turnEnded}'s pause without ending the turn: a spoken turn prepared early. */
    Duration pause(long nowNanos) {
        long started = typingSinceNanos != 0 ? typingSinceNanos : nowNanos;
        return Duration.ofNanos(Math.max(0, started - agentDoneNanos));
    }

    /** Whether neither side has done anything for {@code timeoutNanos} at {@code nowNanos}. */
    boolean idleFor(long timeoutNanos, long nowNanos) {
        return nowNanos - Math.max(activeNanos, agentDoneNanos) >= timeoutNanos;
    }
}
