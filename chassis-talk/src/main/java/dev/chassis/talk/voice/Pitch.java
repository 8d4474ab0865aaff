package dev.chassis.talk.voice;

/**
 * The pitch of one frame of 16 kHz speech by normalised autocorrelation on the frame halved to 8 kHz (speech's
 * fundamental lies between 70 and 400 Hz, far below that Nyquist rate). A frame is voiced when its best lag
 * correlates at {@value #VOICED}; the shortest lag near the best wins, which keeps the estimate off the octave below.
 */
final class Pitch {

    static final double VOICED = 0.55;
    private static final int RATE = 8_000;
    private static final int MIN_LAG = RATE / 400;
    private static final int MAX_LAG = RATE / 70;

    private Pitch() {
    }

    /** The fundamental in Hz of {@code length} samples at 16 kHz from {@code offset}, or 0 when unvoiced. */
    static double of(short[] samples, int offset, int length) {
        int n = length / 2;
        double[] x = new double[n];
        double mean = 0;
        for (int i = 0; i < n; i++) {
            x[i] = (samples[offset + 2 * i] + samples[offset + 2 * i + 1]) / 2.0;
            mean += x[i];
        }
        mean /= n;
        for (int i = 0; i < n; i++) {
            x[i] -= mean;
        }
        if (n <= MAX_LAG + 8) {
            return 0;
        }
        double[] r = new double[MAX_LAG + 2];
        double best = 0;
        for (int lag = MIN_LAG; lag <= MAX_LAG + 1; lag++) {
            double xy = 0;
            double xx = 0;
            double yy = 0;
            for (int i = 0; i + lag < n; i++) {
                xy += x[i] * x[i + lag];
                xx += x[i] * x[i];
                yy += x[i + lag] * x[i + lag];
            }
            r[lag] = xx > 0 && yy > 0 ? xy / Math.sqrt(xx * yy) : 0;
            best = Math.max(best, r[lag]);
        }
        if (best < VOICED) {
            return 0;
        }
        for (int lag = MIN_LAG + 1; lag <= MAX_LAG; lag++) {
            if (r[lag] >= 0.9 * best && r[lag] >= r[lag - 1] && r[lag] >= r[lag + 1]) {
                double a = r[lag - 1];
                double b = r[lag];
                double c = r[lag + 1];
                double shift = a - 2 * b + c == 0 ? 0 : 0.5 * (a - c) / (a - 2 * b + c);   // parabolic peak
                return RATE / (lag + shift);
            }
        }
        return 0;
    }
}
