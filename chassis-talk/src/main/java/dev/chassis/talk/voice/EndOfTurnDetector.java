package dev.chassis.talk.voice;

import java.time.Duration;

/**
 * Decides when the person has finished their turn: given what is known at a pause, how long the silence must last
 * before the turn is over. The first-token deadline counts from the moment the silence reaches it. One detector per
 * conversation, since it may learn how this person pauses; called from one thread at a time.
 *
 * <pre>{@code
 * EndOfTurnDetector eot = EndOfTurnDetector.adaptive();
 * Duration wait = eot.silenceNeeded(new EndOfTurnDetector.Pause("I started with the", "en", Prosody.Ending.LEVEL));
 * }</pre>
 */
public interface EndOfTurnDetector {

    /**
     * What is known when the person stops speaking.
     *
     * @param transcript the words so far (partial; empty when the recogniser has nothing yet)
     * @param language   the language spoken
     * @param ending     the pitch movement of the last words
     */
    record Pause(String transcript, String language, Prosody.Ending ending) { }

    /** How long the silence after {@code pause} must last for the turn to be over. */
    Duration silenceNeeded(Pause pause);

    /** The person spoke again after {@code silence} at {@code pause}: it was not the end of their turn. */
    default void resumed(Pause pause, Duration silence) {
    }

    /** A fixed silence, whatever was said: the baseline adaptive detection is measured against. */
    static EndOfTurnDetector fixed(Duration silence) {
        return p -> silence;
    }

    /** Silence that adapts to the speaker's own pauses, to the words so far and to the pitch of the last words. */
    static EndOfTurnDetector adaptive() {
        return new AdaptiveEndOfTurn(AdaptiveEndOfTurn.Settings.DEFAULT);
    }
}
