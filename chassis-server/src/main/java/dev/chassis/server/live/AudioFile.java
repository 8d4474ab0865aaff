package dev.chassis.server.live;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One track of a voice session's kept audio: 16-bit little-endian mono PCM appended as it arrives, forced to the device
 * when a reference to it is about to be journaled (the journal forces each entry it writes, so a journaled reference never
 * names audio a crash could take). Opened on the first write; a file left by an earlier run is appended to, its torn tail
 * (half a sample, from a process killed mid-write) cut off first. Its {@link SessionAudio} guards it, except {@link #force}.
 */
final class AudioFile implements AutoCloseable {

    static final int BYTES_PER_SAMPLE = 2;

    private final Path path;
    private volatile FileChannel channel;   // forced from another thread than the one appending
    private long length = -1;   // bytes of whole samples in the file, -1 before it is opened

    AudioFile(Path path) {
        this.path = path;
    }

    Path path() {
        return path;
    }

    /** Bytes in the file (whole samples), opening it if it exists; 0 when it does not yet. */
    long length() throws IOException {
        if (length < 0 && Files.exists(path)) {
            open();
        }
        return Math.max(0, length);
    }

    /**
     * Appends {@code samples}; on a failure the file is cut back to where it was, so that every position handed out
     * still holds what it held.
     *
     * @return where they begin in the file, in bytes
     */
    long append(short[] samples) throws IOException {
        if (channel == null) {
            open();
        }
        long at = length;
        ByteBuffer b = ByteBuffer.allocate(samples.length * BYTES_PER_SAMPLE).order(ByteOrder.LITTLE_ENDIAN);
        b.asShortBuffer().put(samples);
        try {
            while (b.hasRemaining()) {
                channel.write(b, at + b.position());
            }
        } catch (IOException e) {
            try {
                channel.truncate(at);
            } catch (IOException ignored) {
                // the next open cuts the file to whole samples; positions past `at` are never handed out
            }
            throw e;
        }
        length = at + samples.length * (long) BYTES_PER_SAMPLE;
        return at;
    }

    /** Forces what was appended onto the device; may run while another thread appends. */
    void force() throws IOException {
        FileChannel c = channel;
        if (c != null) {
            c.force(false);
        }
    }

    private void open() throws IOException {
        Files.createDirectories(path.getParent());
        channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        long size = channel.size();
        long whole = size - size % BYTES_PER_SAMPLE;
        if (whole != size) {
            channel.truncate(whole);   // a write torn by a crash: the half sample at the end is no audio
        }
        length = whole;
    }

    @Override
    public void close() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // appended data is in the file already; a force failing here had nothing referenced left to force
            }
            channel = null;
            length = -1;
        }
    }
}
