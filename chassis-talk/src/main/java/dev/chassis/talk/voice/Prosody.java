package dev.chassis.talk.voice;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How a turn was spoken, frame by frame: energy and pitch of each 32 ms frame, read as the shape of the last words
 * (a falling pitch closes a statement; a level one holds the floor) and as a summary of the utterance (median pitch,
 * energy, speaking rate) for comparing a person with their own baseline. Not thread-safe: one per turn.
 */
public final class Prosody {

    /** The pitch movement over the last words before a pause. */
    public enum Ending { FALLING, LEVEL, RISING, UNKNOWN }

    /**
     * One utterance's prosody.
     *
     * @param pitchHz   median pitch of the voiced frames (0 when none were voiced)
     * @param energyDb  mean energy of the speech frames, dB below full scale
     * @param rate      words per second of speech (syllable nuclei per second when the recogniser gave no timings)
     * @param speech    time spent speaking
     * @param ending    the pitch movement at the end
     */
    public record Summary(double pitchHz, double energyDb, double rate, Duration speech, Ending ending) { }

    private static final double SILENT_DB = -50;
    /** Frames of the last words the ending is read from: about 0.6 s. */
    private static final int TAIL = 19;

    private final List<double[]> frames = new ArrayList<>();   // {energy dB, pitch Hz, speech 0/1}

    /** Adds a frame of 16 kHz audio; {@code speech} as the voice activity detector judged it. */
    public void frame(short[] samples, int offset, int length, boolean speech) {
        double rms = Pcm.rms(samples, offset, length);
        double db = rms <= 0 ? -120 : 20 * Math.log10(rms);
        double hz = speech && db > SILENT_DB ? Pitch.of(samples, offset, length) : 0;
        frames.add(new double[] {db, hz, speech ? 1 : 0});
    }

    /** The pitch movement over the last speech frames: compares the last third of the voiced tail with the rest. */
    public Ending ending() {
        List<Double> tail = new ArrayList<>();
        for (int i = frames.size() - 1; i >= 0 && tail.size() < TAIL; i--) {
            double[] f = frames.get(i);
            if (f[2] == 1 && f[1] > 0) {   // voiced speech: unvoiced consonants and pauses carry no pitch
                tail.add(0, f[1]);
            }
        }
        if (tail.size() < 6) {
            return Ending.UNKNOWN;
        }
        int cut = tail.size() * 2 / 3;
        double before = median(tail.subList(0, cut));
        double last = median(tail.subList(cut, tail.size()));
        double semitones = 12 * Math.log(last / before) / Math.log(2);
        return semitones <= -1.5 ? Ending.FALLING : semitones >= 1.5 ? Ending.RISING : Ending.LEVEL;
    }

    /** The utterance so far; {@code words} from the recogniser give the rate, or syllable nuclei stand in. */
    public Summary summary(List<Word> words) {
        List<Double> pitches = new ArrayList<>();
        double energy = 0;
        int speechFrames = 0;
        for (double[] f : frames) {
            if (f[2] == 1) {
                speechFrames++;
                energy += f[0];
                if (f[1] > 0) {
                    pitches.add(f[1]);
                }
            }
        }
        Duration speech = Duration.ofMillis(speechFrames * 32L);
        double seconds = Math.max(0.001, speech.toMillis() / 1000.0);
        double rate = words.isEmpty() ? nuclei() / seconds : words.size() / seconds;
        return new Summary(pitches.isEmpty() ? 0 : median(pitches), speechFrames == 0 ? SILENT_DB : energy / speechFrames,
                rate, speech, ending());
    }

    /** Peaks of energy among speech frames, at least 3 dB over the dip before them: about one a syllable. */
    private int nuclei() {
        int count = 0;
        double valley = Double.MAX_VALUE;
        for (int i = 1; i < frames.size() - 1; i++) {
            double e = frames.get(i)[0];
            if (frames.get(i)[2] == 0) {
                valley = Math.min(valley, e);
                continue;
            }
            valley = Math.min(valley, e);
            if (e - valley >= 3 && e >= frames.get(i - 1)[0] && e > frames.get(i + 1)[0]) {
                count++;
                valley = e;
            }
        }
        return count;
    }

    private static double median(List<Double> xs) {
        double[] a = xs.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(a);
        return a.length % 2 == 1 ? a[a.length / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
    }
}
