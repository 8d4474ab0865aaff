package dev.chassis.testkit.disk;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A small tmpfs mounted on a folder, for storage-fault tests: {@link #fill()} uses up its space,
 * {@link #free()} gives it back, {@link #readOnly()} and {@link #writable()} remount it. Mounting needs
 * root (or the capability to mount); {@link #mount} says why not otherwise, so a test can skip with that
 * message. {@link #close()} unmounts lazily (files may still be open in the process under test).
 *
 * <pre>{@code
 * Optional<SmallDisk> disk = SmallDisk.mount(dir, 8 << 20);
 * Assumptions.assumeTrue(disk.isPresent(), SmallDisk.whyNot());
 * }</pre>
 *
 * Not thread-safe; one test drives it.
 */
public final class SmallDisk implements AutoCloseable {

    private static final String FILLER = ".filler";
    private static volatile String whyNot = "a tmpfs was not tried";

    private final Path dir;

    private SmallDisk(Path dir) {
        this.dir = dir;
    }

    /** A tmpfs of {@code bytes} on the (existing, empty) folder {@code dir}; empty when this machine does not let the test mount one. */
    public static Optional<SmallDisk> mount(Path dir, long bytes) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String out = run("mount", "-t", "tmpfs", "-o", "size=" + bytes + ",mode=0755", "tmpfs", dir.toString());
        if (out != null) {
            whyNot = "storage-fault test skipped: cannot mount a small tmpfs here (needs root or CAP_SYS_ADMIN): " + out;
            return Optional.empty();
        }
        return Optional.of(new SmallDisk(dir));
    }

    /** Why the last {@link #mount} gave nothing, for a skip message. */
    public static String whyNot() {
        return whyNot;
    }

    public Path dir() {
        return dir;
    }

    /** Writes a file until the disk is full; returns the bytes written. */
    public long fill() {
        long written = 0;
        byte[] block = new byte[4_096];
        try (OutputStream out = Files.newOutputStream(dir.resolve(FILLER))) {
            while (true) {
                out.write(block);
                written += block.length;
            }
        } catch (IOException full) {
            return written;
        }
    }

    /** Deletes what {@link #fill()} wrote. */
    public void free() {
        try {
            Files.deleteIfExists(dir.resolve(FILLER));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Remounts the file system read-only (files open for writing fail their next write). */
    public void readOnly() {
        check(run("mount", "-o", "remount,ro", dir.toString()));
    }

    /** Remounts it writable again. */
    public void writable() {
        check(run("mount", "-o", "remount,rw", dir.toString()));
    }

    @Override
    public void close() {
        check(run("umount", "-l", dir.toString()));
    }

    private static void check(String failure) {
        if (failure != null) {
            throw new IllegalStateException(failure);
        }
    }

    /** Runs a command; null when it succeeded, else what it printed. */
    private static String run(String... command) {
        try {
            Process p = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return String.join(" ", command) + " did not finish";
            }
            return p.exitValue() == 0 ? null : String.join(" ", command) + ": " + (out.isEmpty() ? "exit " + p.exitValue() : out);
        } catch (IOException e) {
            return String.join(" ", command) + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return String.join(" ", command) + ": interrupted";
        }
    }
}
