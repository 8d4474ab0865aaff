package dev.chassis.talk.monitor;

import dev.chassis.talk.text.Feelings;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The emotion monitor's readings of recent turns, so that a turn's words are read once per language: the glance on the
 * turn's path reads them in the session's language, and the full reading beside the turn, a few milliseconds later, read
 * them again in the same language (a tenth of a turn's CPU went to reading feelings at 2,000 sessions, half of it twice).
 * Kept by the identity of the words (the glance and the full reading are given the very same string) and the language, in
 * a fixed number of slots: a reading pushed out by another session's turn is read again, never mistaken, and nothing grows
 * with the sessions or their length. Thread-safe: entries are immutable, and a race costs at most a reading done again.
 */
final class TurnFeelings {

    private static final int SLOTS = 1024;

    private record Read(String text, String language, Optional<Feelings.Moment> moment) { }

    private final AtomicReferenceArray<Read> recent = new AtomicReferenceArray<>(SLOTS);

    /** {@link Feelings#read}{@code (text, language)}, read once for the same words and language. */
    Optional<Feelings.Moment> read(String text, String language) {
        int slot = (System.identityHashCode(text) * 31 + language.hashCode()) & (SLOTS - 1);
        Read known = recent.get(slot);
        if (known != null && known.text() == text && known.language().equals(language)) {
            return known.moment();
        }
        Optional<Feelings.Moment> moment = Feelings.read(text, language);
        recent.set(slot, new Read(text, language, moment));
        return moment;
    }
}
