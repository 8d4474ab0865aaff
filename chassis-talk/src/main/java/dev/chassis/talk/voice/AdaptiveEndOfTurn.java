package dev.chassis.talk.voice;

import java.time.Duration;
import java.util.Arrays;

/**
 * End of turn from silence that adapts. The words and the pitch set the silence from {@link Settings#base()}: words that
 * sound unfinished multiply it, a closed sentence shortens it; a falling pitch at the end shortens it, a level one
 * lengthens it. So a complete sentence said with a falling pitch ends the turn after about 300 ms, an unfinished phrase
 * waits over a second. What the person shows of their own pauses bounds it from below: a margin above the 90th
 * percentile of their last twenty mid-turn pauses after finished-sounding words (those after which they went on,
 * including a turn taken too early that they went on speaking into before the reply could be heard). The window moves,
 * so the bound falls again when their later pauses are shorter. The result stays within {@link Settings#floor()} and
 * {@link Settings#ceiling()}. A decision is arithmetic on a few numbers: microseconds.
 */
final class AdaptiveEndOfTurn implements EndOfTurnDetector {

    /**
     * The detector's constants.
     *
     * @param base       silence the words and pitch are weighed against
     * @param margin     above the person's 90th-percentile mid-turn pause
     * @param floor      the shortest silence that ends a turn
     * @param ceiling    the longest: a turn always ends after this much silence
     * @param unfinished factor when the words sound unfinished
     * @param closed     factor when the words close a sentence
     * @param falling    factor for a falling pitch at the end
     * @param level      factor for a level pitch at the end
     */
    record Settings(Duration base, Duration margin, Duration floor, Duration ceiling, double unfinished, double closed,
                    double falling, double level) {
        static final Settings DEFAULT = new Settings(Duration.ofMillis(650), Duration.ofMillis(200), Duration.ofMillis(250),
                Duration.ofMillis(2_500), 2.2, 0.6, 0.8, 1.3);
    }

    private static final int REMEMBERED = 20;

    private final Settings settings;
    private final long[] pauses = new long[REMEMBERED];   // the person's last mid-turn pauses after finished-sounding words, ms
    private int count;

    AdaptiveEndOfTurn(Settings settings) {
        this.settings = settings;
    }

    @Override
    public Duration silenceNeeded(Pause pause) {
        return read(pause).needed();
    }

    @Override
    public Reading read(Pause pause) {
        int n = Math.min(count, REMEMBERED);
        long p90 = n < 1 ? 0 : percentile90(n);
        long atLeast = n < 1 ? 0 : p90 + settings.margin().toMillis();
        Words words = Unfinished.of(pause.transcript(), pause.language()) ? Words.UNFINISHED
                : Unfinished.closed(pause.transcript()) ? Words.CLOSED : Words.OPEN;
        double wordsFactor = switch (words) {
            case UNFINISHED -> settings.unfinished();
            case CLOSED -> settings.closed();
            case OPEN -> 1.0;
        };
        double pitchFactor = switch (pause.ending()) {
            case FALLING -> settings.falling();
            case LEVEL -> settings.level();
            case RISING, UNKNOWN -> 1.0;
        };
        long base = settings.base().toMillis();
        // the learned bound is of pauses after finished-sounding words; after unfinished ones the person waits longer still
        double ms = words == Words.UNFINISHED ? Math.max(base, atLeast) * wordsFactor * pitchFactor
                : Math.max(base * wordsFactor * pitchFactor, atLeast);
        long clamped = Math.max(settings.floor().toMillis(), Math.min(settings.ceiling().toMillis(), Math.round(ms)));
        return new Reading(Duration.ofMillis(clamped), settings.base(), n, Duration.ofMillis(p90), Duration.ofMillis(atLeast), words,
                wordsFactor, pause.ending(), pitchFactor);
    }

    @Override
    public void resumed(Pause pause, Duration silence) {
        if (!Unfinished.of(pause.transcript(), pause.language())) {   // pauses before an unfinished phrase say nothing of the bound
            pauses[count % REMEMBERED] = silence.toMillis();
            count++;
        }
    }

    /** The 90th percentile of the last {@code n} pauses learned. */
    private long percentile90(int n) {
        long[] sorted = Arrays.copyOf(pauses, n);
        Arrays.sort(sorted);
        return sorted[Math.min(n - 1, (int) Math.ceil(0.9 * n) - 1)];
    }
}
