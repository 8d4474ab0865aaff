package dev.chassis.server.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A connection hands work to an {@link InboundLane}: however slow the work, the handing over never waits, and order holds. */
class InboundLaneTest {

    /** Work that takes as long as the test says: each item waits until the gate opens. */
    private static final class SlowWork {
        final CountDownLatch gate = new CountDownLatch(1);
        final List<Object> done = new CopyOnWriteArrayList<>();
        final CountDownLatch started = new CountDownLatch(1);

        void accept(Object item) {
            started.countDown();
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            done.add(item);
        }
    }

    @Test
    void a_consumer_that_does_not_move_neither_blocks_the_offers_nor_reorders_the_items() throws Exception {
        SlowWork slow = new SlowWork();
        try (InboundLane<Object> lane = new InboundLane<>("test-lane", 1_000, slow::accept)) {
            // If an offer waited for the work, this would never return: the work waits for the gate, opened only after.
            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> IntStream.range(0, 500).forEach(i -> assertThat(lane.offer(i)).isTrue()));
            assertThat(slow.done).as("nothing done while the gate is shut").isEmpty();

            slow.gate.countDown();
            await(() -> slow.done.size() == 500);
            assertThat(slow.done).containsExactlyElementsOf(IntStream.range(0, 500).boxed().toList());
        }
    }

    @Test
    void a_full_lane_refuses_the_next_item_at_once_and_still_takes_one_that_must_not_be_lost() throws Exception {
        SlowWork slow = new SlowWork();
        try (InboundLane<Object> lane = new InboundLane<>("test-lane", 3, slow::accept)) {
            assertThat(lane.offer(0)).isTrue();
            assertThat(slow.started.await(30, TimeUnit.SECONDS)).as("the first item is being worked on").isTrue();
            assertThat(List.of(lane.offer(1), lane.offer(2), lane.offer(3))).containsOnly(true);

            assertThat(lane.offer(4)).as("three wait: the lane is full").isFalse();
            lane.add("left");

            slow.gate.countDown();
            await(() -> slow.done.size() == 5);
            assertThat(slow.done).containsExactly(0, 1, 2, 3, "left");
            assertThat(lane.offer(5)).as("room again once the work caught up").isTrue();
        }
    }

    @Test
    void closing_drops_what_waits_without_waiting_for_the_item_in_hand_and_the_thread_stops() throws Exception {
        SlowWork slow = new SlowWork();
        InboundLane<Object> lane = new InboundLane<>("test-lane", 10, slow::accept);
        lane.offer(0);
        assertThat(slow.started.await(30, TimeUnit.SECONDS)).isTrue();
        lane.offer(1);
        lane.offer(2);

        assertTimeoutPreemptively(Duration.ofSeconds(30), lane::close);   // the item in hand still waits for the gate
        assertThat(lane.offer(3)).as("a closed lane takes nothing").isFalse();
        slow.gate.countDown();

        await(lane::stopped);
        assertThat(slow.done).containsExactly(0);
    }

    @Test
    void an_item_that_fails_is_logged_and_the_lane_goes_on() throws Exception {
        List<Integer> done = new CopyOnWriteArrayList<>();
        try (InboundLane<Integer> lane = new InboundLane<>("test-lane", 10, i -> {
            if (i == 1) {
                throw new IllegalStateException("item 1 fails (on purpose)");
            }
            done.add(i);
        })) {
            IntStream.range(0, 3).forEach(lane::offer);
            await(() -> done.size() == 2);
            assertThat(done).containsExactly(0, 2);
        }
    }

    @Test
    void a_lane_without_room_is_refused_when_made() {
        assertThatThrownBy(() -> new InboundLane<>("test-lane", 0, x -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("an inbound lane needs room for at least one item, not 0");
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited a minute").isLessThan(until);
            Thread.sleep(5);
        }
    }
}
