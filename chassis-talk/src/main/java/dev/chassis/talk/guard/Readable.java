package dev.chassis.talk.guard;

import dev.chassis.core.text.Words;

/**
 * The fast path's test: whether a text reads as written. Reversed or letter-shifted words are never
 * function words, so a Latin-script text whose function words ("the", "and", "der", "que") run all
 * through it, with no long stretch without one, holds no such reading and is not decoded. Stateless.
 */
final class Readable {

    /** Words in a row without a function word that may hide an encoded stretch. */
    private static final int STRETCH = 6;
    private static final int MIN_WORDS = 8;

    private Readable() {
    }

    /** Whether normalised {@code s} is plain Latin-script prose: function words at least every few words. */
    static boolean asWritten(String s) {
        int words = 0;
        int function = 0;
        int run = 0;
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (!Character.isLetter(c)) {
                i++;
                continue;
            }
            if (c >= 0x250) {
                return false; // another script: its reversed reading is still looked at
            }
            int start = i;
            while (i < n && (Character.isLetter(s.charAt(i)) || s.charAt(i) == '\'')) {
                i++;
            }
            words++;
            if (Words.isStopword(s.substring(start, i))) {
                function++;
                run = 0;
            } else if (++run >= STRETCH) {
                return false;
            }
        }
        return words >= MIN_WORDS && function * 5 >= words;
    }
}
