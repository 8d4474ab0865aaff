package dev.chassis.talk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SideTaskTest {

    @Test
    void the_work_runs_exactly_once_whichever_thread_comes_first() {
        for (int i = 0; i < 2_000; i++) {
            AtomicInteger runs = new AtomicInteger();
            int n = i;
            SideTask<Thread> task = SideTask.start(() -> {
                runs.incrementAndGet();
                return Thread.currentThread();
            });
            if (n % 2 == 0) {
                Thread.onSpinWait(); // now and then give the other thread a head start
            }
            Thread ranOn = task.join();
            assertThat(task.join()).isSameAs(ranOn);
            assertThat(runs).as("run %d", n).hasValue(1);
        }
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
    void a_run_under_way_elsewhere_is_awaited_and_its_answer_returned() throws Exception {
        CountDownLatch begun = new CountDownLatch(1);
        SideTask<String> task = SideTask.start(() -> {
            begun.countDown();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "late";
        });
        assertThat(begun.await(5, TimeUnit.SECONDS)).isTrue();
        long start = System.nanoTime();
        assertThat(task.join()).isEqualTo("late");
        assertThat(System.nanoTime() - start).isGreaterThan(TimeUnit.MILLISECONDS.toNanos(20));
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
