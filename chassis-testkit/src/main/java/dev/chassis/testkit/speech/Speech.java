package dev.chassis.testkit.speech;

import dev.chassis.talk.voice.Pcm;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Speech as 16 kHz samples: synthesised by the espeak-ng command, or read from a WAV file. */
public final class Speech {

    private Speech() {
    }

    /** Whether the espeak-ng command is installed (tests skip with a message when not). */
    public static boolean canSynthesise() {
        try {
            Process p = new ProcessBuilder("espeak-ng", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * {@code text} spoken by espeak-ng in {@code voice} ({@code en-us}, {@code fr}, {@code en-us+f2}...) at
     * {@code wordsPerMinute} and pitch {@code pitch} (0-99, 50 is the voice's own), as 16 kHz samples with the
     * synthesiser's leading and trailing silence trimmed.
     */
    public static short[] synthesise(String text, String voice, int wordsPerMinute, int pitch) {
        return synthesise(text, voice, wordsPerMinute, pitch, 100);
    }

    /** As {@link #synthesise(String, String, int, int)}, at {@code amplitude} (espeak-ng's {@code -a}: 0-200, 100 its default). */
    public static short[] synthesise(String text, String voice, int wordsPerMinute, int pitch, int amplitude) {
        try {
            Process p = new ProcessBuilder(List.of("espeak-ng", "-v", voice, "-s", String.valueOf(wordsPerMinute), "-p",
                    String.valueOf(pitch), "-a", String.valueOf(amplitude), "--stdout", text)).start();
            byte[] wav;
            try (InputStream in = p.getInputStream()) {
                wav = in.readAllBytes();
            }
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("espeak-ng failed on voice " + voice);
            }
            return trim(wav(wav));
        } catch (IOException e) {
            throw new IllegalStateException("espeak-ng could not be run (Debian: apt-get install espeak-ng)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** A 16-bit mono or stereo WAV file's audio at 16 kHz (stereo is mixed down). */
    public static short[] read(Path wav) throws IOException {
        return wav(Files.readAllBytes(wav));
    }

    /** The samples of a WAV file's bytes at 16 kHz. Reads the chunks, so a streamed header's unknown sizes do no harm. */
    static short[] wav(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int rate = 16_000;
        int channels = 1;
        int pos = 12;
        while (pos + 8 <= bytes.length) {
            String id = new String(bytes, pos, 4, java.nio.charset.StandardCharsets.US_ASCII);
            int size = b.getInt(pos + 4);
            if (id.equals("fmt ")) {
                channels = b.getShort(pos + 10);
                rate = b.getInt(pos + 12);
            } else if (id.equals("data")) {
                int len = size <= 0 || pos + 8 + size > bytes.length ? bytes.length - pos - 8 : size;
                short[] s = Pcm.fromBytes(bytes, pos + 8, len);
                if (channels == 2) {
                    short[] mono = new short[s.length / 2];
                    for (int i = 0; i < mono.length; i++) {
                        mono[i] = (short) ((s[2 * i] + s[2 * i + 1]) / 2);
                    }
                    s = mono;
                }
                return Pcm.resample(s, rate, 16_000);
            }
            pos += 8 + size + (size & 1);
        }
        throw new IllegalArgumentException("not a WAV file with a data chunk");
    }

    /** Without the silence before the first and after the last audible sample. */
    static short[] trim(short[] s) {
        int from = 0;
        int to = s.length;
        while (from < to && Math.abs(s[from]) < 60) {
            from++;
        }
        while (to > from && Math.abs(s[to - 1]) < 60) {
            to--;
        }
        return java.util.Arrays.copyOfRange(s, from, to);
    }

    /** 16 kHz samples as a WAV file. */
    public static byte[] toWav(short[] samples) {
        byte[] pcm = Pcm.toBytes(samples);
        ByteBuffer b = ByteBuffer.allocate(44 + pcm.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(36 + pcm.length)
                .put("WAVEfmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1)
                .putShort((short) 1).putInt(16_000).putInt(32_000).putShort((short) 2).putShort((short) 16)
                .put("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(pcm.length).put(pcm);
        return b.array();
    }

    /** Concatenates pieces of audio. */
    static short[] join(List<short[]> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (short[] p : parts) {
            out.writeBytes(Pcm.toBytes(p));
        }
        return Pcm.fromBytes(out.toByteArray());
    }
}
