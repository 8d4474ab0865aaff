package dev.chassis.voice.offline;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import dev.chassis.talk.voice.SpeechException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * Loads another, independent copy of a system library whose state is global (one synthesis at a time per copy): the
 * file is copied under the temporary folder, so the dynamic linker maps it anew with its own globals, and bound
 * {@code RTLD_DEEPBIND} so that its calls into itself stay inside the copy.
 */
final class Copies {

    private static final int RTLD_LAZY = 0x1;
    private static final int RTLD_DEEPBIND = 0x8;

    private Copies() {
    }

    static <T extends Library> T load(String engine, String library, Class<T> type, int copy) {
        File original = NativeLibrary.getInstance(library).getFile();
        try {
            Path dir = Files.createTempDirectory("chassis-" + library + "-");
            Path file = dir.resolve("lib" + library + "-" + copy + ".so");
            Files.copy(original.toPath(), file, StandardCopyOption.REPLACE_EXISTING);
            try {
                return Native.load(file.toString(), type, Map.of(Library.OPTION_OPEN_FLAGS, RTLD_LAZY | RTLD_DEEPBIND));
            } finally {
                Files.deleteIfExists(file);   // mapped now: the copy lives as long as the process, and leaves nothing behind
                Files.deleteIfExists(dir);
            }
        } catch (IOException | UnsatisfiedLinkError e) {
            throw new SpeechException.Unavailable(engine, "another copy of the " + library + " library could not be loaded (" + e.getMessage()
                    + "); run with one: -Dchassis.espeak.voices=1", e);
        }
    }
}
