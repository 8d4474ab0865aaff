package dev.chassis.talk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SideTaskTest {

    @Test
    void a_run_that_ended_elsewhere_gives_its_answer_and_is_not_run_again() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch ended = new CountDownLatch(1);
        SideTask<Thread> task = SideTask.start(() -> {
            runs.incrementAndGet();
            ended.countDown();
            return Thread.currentThread();
        });
        assertThat(ended.await(5, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(20); // past the hand-back of its answer
        Thread ranOn = task.join();
        assertThat(ranOn).isNotSameAs(Thread.currentThread());
        assertThat(task.join()).isSameAs(ranOn);
        assertThat(runs).hasValue(1);
    }

    @Test
    void the_caller_runs_it_itself_when_no_other_thread_has_begun() throws Exception {
        // Every carrier of virtual threads is held, so the side thread cannot start: the caller must not wait for it.
        int carriers = Runtime.getRuntime().availableProcessors();
        CountDownLatch held = new CountDownLatch(carriers);
        CountDownLatch release = new CountDownLatch(1);
        for (int i = 0; i < carriers; i++) {
            Thread.ofVirtual().start(() -> {
                held.countDown();
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                while (release.getCount() > 0 && System.nanoTime() < until) {
                    Thread.onSpinWait(); // busy, not parked: the carrier stays taken
                }
            });
        }
        try {
            assertThat(held.await(5, TimeUnit.SECONDS)).isTrue();
            Thread caller = Thread.currentThread();
            long start = System.nanoTime();
            SideTask<Thread> task = SideTask.start(Thread::currentThread);
            assertThat(task.join()).isSameAs(caller);
            assertThat(System.nanoTime() - start).isLessThan(TimeUnit.SECONDS.toNanos(1));
        } finally {
            release.countDown();
        }
    }

    @Test
    void a_run_under_way_elsewhere_is_not_waited_for_the_caller_computes_the_answer_itself() throws Exception {
        // A side thread that lost its core must not hold up the turn: the work is a pure read, so the caller reads too.
        CountDownLatch begun = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread caller = Thread.currentThread();
        SideTask<String> task = SideTask.start(() -> {
            if (Thread.currentThread() == caller) {
                return "read here";
            }
            begun.countDown();
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "read there";
        });
        try {
            assertThat(begun.await(5, TimeUnit.SECONDS)).isTrue();
            long start = System.nanoTime();
            assertThat(task.join()).isEqualTo("read here");
            assertThat(System.nanoTime() - start).isLessThan(TimeUnit.SECONDS.toNanos(1));
        } finally {
            release.countDown();
        }
    }

    @Test
    void a_failure_is_thrown_to_the_caller_whichever_thread_ran_it() {
        for (int i = 0; i < 200; i++) {
            SideTask<String> failing = SideTask.start(() -> {
                throw new IllegalStateException("index closed");
            });
            assertThatThrownBy(failing::join).isInstanceOf(IllegalStateException.class).hasMessage("index closed");
            SideTask<String> broken = SideTask.start(() -> {
                throw new AssertionError("broken");
            });
            assertThatThrownBy(broken::join).isInstanceOf(AssertionError.class).hasMessage("broken");
        }
    }
}
