package dev.chassis.bench.talk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The driver's sessions turn at the pace asked, start to start: a turn's own length is part of the interval, not added to it. */
class PaceTest {

    @Test
    void the_intervals_average_the_pace_asked_and_stay_within_half_and_one_and_a_half_of_it() {
        Pace pace = new Pace(Duration.ofMillis(7_000));
        SplittableRandom random = new SplittableRandom(1);
        long sum = 0;
        int n = 10_000;
        for (int i = 0; i < n; i++) {
            long wait = pace.waitNanos(0, 0, random);
            assertThat(wait).isBetween(Duration.ofMillis(3_500).toNanos(), Duration.ofMillis(10_500).toNanos());
            sum += wait;
        }
        assertThat(sum / (double) n / 1e6).isCloseTo(7_000, org.assertj.core.data.Offset.offset(100.0));
    }

    @Test
    void the_time_a_turn_took_is_taken_off_the_wait_and_a_turn_longer_than_its_interval_waits_not_at_all() {
        Pace pace = new Pace(Duration.ofMillis(1_000));
        long turn = Duration.ofMillis(400).toNanos();
        long whole = pace.waitNanos(0, 0, new SplittableRandom(3));
        assertThat(pace.waitNanos(0, turn, new SplittableRandom(3))).isEqualTo(whole - turn);
        assertThat(pace.waitNanos(0, Duration.ofMillis(1_600).toNanos(), new SplittableRandom(3))).isZero();
    }

    @Test
    void a_pace_of_nothing_is_refused() {
        assertThatThrownBy(() -> new Pace(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
