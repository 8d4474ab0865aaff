package dev.chassis.voice.offline;

import com.sun.jna.Library;
import com.sun.jna.Native;
import dev.chassis.talk.voice.SpeechException;

/** Loads a system library for an offline engine, or says in words what to install. */
final class Natives {

    private Natives() {
    }

    static <T extends Library> T load(String engine, String library, Class<T> type, String install) {
        try {
            return Native.load(library, type);
        } catch (UnsatisfiedLinkError e) {
            throw new SpeechException.Unavailable(engine, "the " + library + " library is not installed (" + install + ")", e);
        }
    }
}
