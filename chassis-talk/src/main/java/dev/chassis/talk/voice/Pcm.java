package dev.chassis.talk.voice;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * 16-bit mono PCM, the one audio form the voice path carries: conversion to and from little-endian bytes (the
 * wire's form), floats for models, and sample-rate conversion between engines and channels.
 */
public final class Pcm {

    private Pcm() {
    }

    /** Little-endian 16-bit bytes to samples (an odd trailing byte is ignored). */
    public static short[] fromBytes(byte[] bytes, int offset, int length) {
        short[] out = new short[length / 2];
        ByteBuffer.wrap(bytes, offset, length).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(out);
        return out;
    }

    public static short[] fromBytes(byte[] bytes) {
        return fromBytes(bytes, 0, bytes.length);
    }

    /** Samples to little-endian 16-bit bytes. */
    public static byte[] toBytes(short[] samples, int offset, int length) {
        ByteBuffer b = ByteBuffer.allocate(length * 2).order(ByteOrder.LITTLE_ENDIAN);
        b.asShortBuffer().put(samples, offset, length);
        return b.array();
    }

    public static byte[] toBytes(short[] samples) {
        return toBytes(samples, 0, samples.length);
    }

    /** Samples scaled to [-1, 1), as neural models take them. */
    public static float[] toFloats(short[] samples, int offset, int length) {
        float[] out = new float[length];
        for (int i = 0; i < length; i++) {
            out[i] = samples[offset + i] / 32768f;
        }
        return out;
    }

    /** Root mean square of the samples, in [0, 1]. */
    public static double rms(short[] samples, int offset, int length) {
        if (length <= 0) {
            return 0;
        }
        double sum = 0;
        for (int i = offset; i < offset + length; i++) {
            double s = samples[i] / 32768.0;
            sum += s * s;
        }
        return Math.sqrt(sum / length);
    }

    /** Milliseconds of audio in {@code samples} samples at {@code rate}. */
    public static long millis(long samples, int rate) {
        return samples * 1000 / rate;
    }

    /**
     * Converts the sample rate by linear interpolation after a short averaging filter when going down (speech is
     * band-limited well under the lower Nyquist rate of 4 kHz telephone audio, so this keeps words intelligible
     * to recognisers and people). Returns the input when the rates match.
     */
    public static short[] resample(short[] in, int fromRate, int toRate) {
        if (fromRate == toRate || in.length == 0) {
            return in;
        }
        short[] src = fromRate > toRate ? lowPass(in, (int) Math.round((double) fromRate / toRate)) : in;
        int n = (int) ((long) in.length * toRate / fromRate);
        short[] out = new short[n];
        double step = (double) fromRate / toRate;
        for (int i = 0; i < n; i++) {
            double pos = i * step;
            int j = (int) pos;
            double frac = pos - j;
            int a = src[Math.min(j, src.length - 1)];
            int b = src[Math.min(j + 1, src.length - 1)];
            out[i] = (short) Math.round(a + (b - a) * frac);
        }
        return out;
    }

    /** A moving average over {@code width} samples: enough to keep aliasing out of speech going down 2-3x. */
    private static short[] lowPass(short[] in, int width) {
        if (width <= 1) {
            return in;
        }
        short[] out = new short[in.length];
        long sum = 0;
        for (int i = 0; i < in.length; i++) {
            sum += in[i];
            if (i >= width) {
                sum -= in[i - width];
            }
            out[i] = (short) (sum / Math.min(i + 1, width));
        }
        return out;
    }

    /** The 44-byte header of a WAV file holding {@code dataBytes} of 16-bit little-endian mono PCM at {@code sampleRate}. */
    public static byte[] wavHeader(int sampleRate, long dataBytes) {
        java.nio.charset.Charset ascii = java.nio.charset.StandardCharsets.US_ASCII;
        return ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN).put("RIFF".getBytes(ascii)).putInt((int) (36 + dataBytes))
                .put("WAVEfmt ".getBytes(ascii)).putInt(16).putShort((short) 1).putShort((short) 1).putInt(sampleRate)
                .putInt(sampleRate * 2).putShort((short) 2).putShort((short) 16).put("data".getBytes(ascii)).putInt((int) dataBytes).array();
    }
}
