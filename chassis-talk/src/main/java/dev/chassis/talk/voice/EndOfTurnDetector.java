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

    /** How the words so far end, as the detector reads them. */
    enum Words { UNFINISHED, CLOSED, OPEN }

    /**
     * What the detector weighed at a pause, term by term, so that a wait can be explained (logs, the console, the benchmarks).
     *
     * @param needed        the silence it asks for
     * @param base          the silence the words and the pitch are weighed against
     * @param learned       how many of the speaker's mid-turn pauses it has learned from
     * @param learnedP90    the 90th percentile of those pauses ({@link Duration#ZERO} when none)
     * @param atLeast       the bound they set ({@link Duration#ZERO} when none): after finished-sounding words the silence
     *                      needed is at least this; after unfinished ones the base is raised to it before it is multiplied
     * @param words         how the words end
     * @param wordsFactor   what that multiplies the base by
     * @param ending        the pitch of the last words
     * @param prosodyFactor what that multiplies the base by
     */
    record Reading(Duration needed, Duration base, int learned, Duration learnedP90, Duration atLeast, Words words,
                   double wordsFactor, Prosody.Ending ending, double prosodyFactor) {

        /** A reading of a detector that weighs nothing: the silence it asks for is all there is. */
        static Reading plain(Duration needed, Pause pause) {
            return new Reading(needed, needed, 0, Duration.ZERO, Duration.ZERO, Words.OPEN, 1, pause.ending(), 1);
        }

        /** One line for a log. */
        @Override
        public String toString() {
            return String.format("needs %d ms: base %d ms x words %s %.2f x pitch %s %.2f, at least %d ms (p90 %d ms of %d pauses learned + margin)",
                    needed.toMillis(), base.toMillis(), words.name().toLowerCase(java.util.Locale.ROOT), wordsFactor,
                    ending.name().toLowerCase(java.util.Locale.ROOT), prosodyFactor, atLeast.toMillis(), learnedP90.toMillis(), learned);
        }
    }

    /** How long the silence after {@code pause} must last for the turn to be over. */
    Duration silenceNeeded(Pause pause);

    /** The silence needed at {@code pause} with the terms that made it. */
    default Reading read(Pause pause) {
        return Reading.plain(silenceNeeded(pause), pause);
    }

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
