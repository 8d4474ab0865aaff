package dev.chassis.talk.voice;

/**
 * G.711 μ-law, the telephone network's 8-bit audio (8 kHz in the telephony adapters): each byte holds a 16-bit sample
 * on a logarithmic scale, so quiet speech keeps its detail. Stateless.
 */
public final class MuLaw {

    private static final int BIAS = 0x84;
    private static final int CLIP = 32_635;

    private MuLaw() {
    }

    /** 16-bit samples as μ-law bytes. */
    public static byte[] encode(short[] samples) {
        byte[] out = new byte[samples.length];
        for (int i = 0; i < samples.length; i++) {
            out[i] = encode(samples[i]);
        }
        return out;
    }

    /** μ-law bytes as 16-bit samples. */
    public static short[] decode(byte[] bytes) {
        short[] out = new short[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            out[i] = decode(bytes[i]);
        }
        return out;
    }

    static byte encode(short sample) {
        int s = sample;
        int sign = s < 0 ? 0x80 : 0;
        if (s < 0) {
            s = -s;
        }
        s = Math.min(s, CLIP) + BIAS;
        int exponent = 7;
        for (int mask = 0x4000; (s & mask) == 0 && exponent > 0; mask >>= 1) {
            exponent--;
        }
        int mantissa = (s >> (exponent + 3)) & 0x0F;
        return (byte) ~(sign | exponent << 4 | mantissa);
    }

    static short decode(byte b) {
        int u = ~b & 0xFF;
        int exponent = (u >> 4) & 0x07;
        int magnitude = (((u & 0x0F) << 3) + BIAS << exponent) - BIAS;
        return (short) ((u & 0x80) != 0 ? -magnitude : magnitude);
    }
}
