package dev.chassis.talk.voice;

import java.time.Duration;
import java.util.Arrays;

/**
 * End of turn from silence that adapts. The base silence starts at {@link Settings#base()} and follows the person's
 * own mid-turn pauses (those after which they went on, where the words sounded finished, including a turn taken too
 * early that they went on speaking into): it sits a margin above the 90th percentile of the last twenty. Words that sound unfinished multiply it, a closed sentence shortens it; a falling
 * pitch at the end shortens it, a level one lengthens it. The result stays within {@link Settings#floor()} and
 * {@link Settings#ceiling()}. A decision is arithmetic on a few numbers: microseconds.
 */
final class AdaptiveEndOfTurn implements EndOfTurnDetector {

    /**
     * The detector's constants.
     *
     * @param base       silence before anything is learned
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
        static final Settings DEFAULT = new Settings(Duration.ofMillis(650), Duration.ofMillis(200), Duration.ofMillis(400),
                Duration.ofMillis(2_500), 2.2, 0.85, 0.8, 1.3);
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
        double ms = base();
        if (Unfinished.of(pause.transcript(), pause.language())) {
            ms *= settings.unfinished();
        } else if (Unfinished.closed(pause.transcript())) {
            ms *= settings.closed();
        }
        ms *= switch (pause.ending()) {
            case FALLING -> settings.falling();
            case LEVEL -> settings.level();
            case RISING, UNKNOWN -> 1.0;
        };
        long clamped = Math.max(settings.floor().toMillis(), Math.min(settings.ceiling().toMillis(), Math.round(ms)));
        return Duration.ofMillis(clamped);
    }

    @Override
    public void resumed(Pause pause, Duration silence) {
        if (!Unfinished.of(pause.transcript(), pause.language())) {   // pauses before an unfinished phrase say nothing of the base
            pauses[count % REMEMBERED] = silence.toMillis();
            count++;
        }
    }

    /** The base silence: the default until a pause is known, then a margin over the 90th percentile of those known. */
    private double base() {
        int n = Math.min(count, REMEMBERED);
        if (n < 1) {
            return settings.base().toMillis();
        }
        long[] sorted = Arrays.copyOf(pauses, n);
        Arrays.sort(sorted);
        long p90 = sorted[Math.min(n - 1, (int) Math.ceil(0.9 * n) - 1)];
        return Math.max(settings.base().toMillis() * 0.75, p90 + settings.margin().toMillis());
    }
}
