package dev.chassis.bench.talk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The concurrency driver's window runs from when every session is open: it used to be fixed when the driver started, so a
 * slow opening (2,000 sessions under load) used it up and the run reported no turns at all.
 */
class MeasuredWindowTest {

    @Test
    void a_window_not_started_stays_open_however_long_opening_takes() throws InterruptedException {
        MeasuredWindow window = new MeasuredWindow(Duration.ofSeconds(1)); // long enough that a loaded machine's pause cannot close it
        Thread.sleep(1_200); // opening outlasts the window's length
        assertThat(window.open()).isTrue();
        window.start();
        assertThat(window.open()).as("the full length is left once started").isTrue();
    }

    @Test
    void a_started_window_closes_after_its_length() throws InterruptedException {
        MeasuredWindow window = new MeasuredWindow(Duration.ofMillis(20));
        window.start();
        long started = System.nanoTime();
        while (window.open()) {
            Thread.sleep(1);
        }
        assertThat(System.nanoTime() - started).isGreaterThanOrEqualTo(Duration.ofMillis(20).toNanos());
    }
}
