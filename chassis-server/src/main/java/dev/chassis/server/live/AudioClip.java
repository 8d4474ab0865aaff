package dev.chassis.server.live;

import dev.chassis.talk.voice.Pcm;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * A range of a voice session's kept audio file ({@link SessionAudio}), read back as a WAV file.
 *
 * @param file       the track's file
 * @param fromByte   where the turn's audio begins
 * @param toByte     where it ends (exclusive)
 * @param sampleRate its samples per second
 */
public record AudioClip(Path file, long fromByte, long toByte, int sampleRate) {

    public Duration duration() {
        return Duration.ofNanos((toByte - fromByte) / AudioFile.BYTES_PER_SAMPLE * 1_000_000_000L / sampleRate);
    }

    /** The size of {@link #wav}: its 44-byte header and the samples. */
    public long wavBytes() {
        return 44 + toByte - fromByte;
    }

    /** The clip as a WAV file (16-bit mono PCM), streamed from its file. */
    public InputStream wav() {
        try {
            FileChannel c = FileChannel.open(file, StandardOpenOption.READ);
            c.position(fromByte);
            InputStream data = new BoundedStream(Channels.newInputStream(c), toByte - fromByte);
            return new SequenceInputStream(new ByteArrayInputStream(Pcm.wavHeader(sampleRate, toByte - fromByte)), data);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads at most {@code left} bytes of a stream, then ends. */
    private static final class BoundedStream extends InputStream {
        private final InputStream in;
        private long left;

        BoundedStream(InputStream in, long left) {
            this.in = in;
            this.left = left;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int b = in.read();
            if (b >= 0) {
                left--;
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = in.read(buf, off, (int) Math.min(len, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
