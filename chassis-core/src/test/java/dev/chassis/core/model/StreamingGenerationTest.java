package dev.chassis.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chassis.core.time.Deadline;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class StreamingGenerationTest {

    private final Prompt prompt = Prompt.of(Message.user("hello there"));

    @Test
    void tokens_reach_the_listener_in_order_and_make_up_the_completion() {
        List<String> seen = new CopyOnWriteArrayList<>();
        StreamingGeneration g = StreamingGeneration.start("test", Deadline.none(), seen::add);
        g.token("Hel");
        g.token("lo");
        g.token("!");
        g.complete(prompt, List.of(), Optional.empty(), FinishReason.STOP);
        Completion c = g.join();
        assertThat(seen).containsExactly("Hel", "lo", "!");
        assertThat(c.text()).isEqualTo("Hello!");
        assertThat(c.timing().timeToFirstToken()).isPresent();
        assertThat(c.usage().estimated()).isTrue();
        assertThat(c.usage().inputTokens()).isPositive();
    }

    @Test
    void after_cancel_no_token_reaches_the_listener_and_the_result_is_cancelled_with_the_partial_text() {
        List<String> seen = new CopyOnWriteArrayList<>();
        AtomicInteger hooks = new AtomicInteger();
        StreamingGeneration g = StreamingGeneration.start("test", Deadline.none(), seen::add);
        g.onCancel(hooks::incrementAndGet);
        g.token("a");
        g.cancel();
        assertThat(g.token("b")).isFalse();
        g.complete(prompt, List.of(), Optional.empty(), FinishReason.STOP);
        assertThat(seen).containsExactly("a");
        assertThat(hooks).hasValue(1);
        assertThatThrownBy(g::join).isInstanceOfSatisfying(ModelException.Cancelled.class,
                e -> assertThat(e.partialText()).isEqualTo("a"));
    }

    @Test
    void a_passed_deadline_fails_with_a_timeout_and_stops_the_transport() throws Exception {
        AtomicInteger hooks = new AtomicInteger();
        StreamingGeneration g = StreamingGeneration.start("slow", Deadline.in(Duration.ofMillis(30)), t -> { });
        g.onCancel(hooks::incrementAndGet);
        assertThatThrownBy(g::join).isInstanceOf(ModelException.Timeout.class).hasMessageStartingWith("slow: no complete reply within");
        assertThat(hooks).hasValue(1);
        assertThat(g.token("late")).isFalse();
    }

    @Test
    void the_first_outcome_wins() {
        StreamingGeneration g = StreamingGeneration.start("m", Deadline.none(), t -> { });
        g.fail(new ModelException.ServerError("m", 500, "boom", null));
        g.complete(prompt, List.of(), Optional.empty(), FinishReason.STOP);
        g.cancel();
        assertThatThrownBy(g::join).isInstanceOfSatisfying(ModelException.ServerError.class, e -> {
            assertThat(e.status()).isEqualTo(500);
            assertThat(e.retryable()).isTrue();
            assertThat(e).hasMessage("m: server error 500: boom");
        });
    }

    @Test
    void a_cancel_hook_registered_after_cancel_runs_at_once() {
        StreamingGeneration g = StreamingGeneration.start("m", Deadline.none(), t -> { });
        g.cancel();
        AtomicInteger ran = new AtomicInteger();
        g.onCancel(ran::incrementAndGet);
        assertThat(ran).hasValue(1);
    }

    @Test
    void a_generation_that_ended_is_not_kept_alive_by_its_deadline() throws Exception {
        // The deadline used to wait out its whole time holding the generation and, through its listener, the caller's turn.
        java.lang.ref.WeakReference<Object> turn = endedWithAListenerHolding(new byte[1 << 20]);
        for (int i = 0; i < 50 && turn.get() != null; i++) {
            System.gc();
            Thread.sleep(20);
        }
        assertThat(turn.get()).as("the ended generation's listener, two minutes before its deadline").isNull();
    }

    private java.lang.ref.WeakReference<Object> endedWithAListenerHolding(Object turn) {
        StreamingGeneration g = StreamingGeneration.start("m", Deadline.in(Duration.ofMinutes(2)), t -> turn.hashCode());
        g.token("done");
        g.complete(prompt, List.of(), Optional.empty(), FinishReason.STOP);
        return new java.lang.ref.WeakReference<>(turn);
    }

    @Test
    void an_unarmed_generation_keeps_its_deadline_instant_and_arming_it_late_expires_it_at_once() {
        StreamingGeneration g = StreamingGeneration.unarmed("slow", Deadline.in(Duration.ofMillis(5)), t -> { });
        java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        assertThat(g.result()).isNotDone(); // not armed: nothing expires it
        long armed = System.nanoTime();
        g.arm();
        assertThatThrownBy(g::join).isInstanceOf(ModelException.Timeout.class);
        assertThat(System.nanoTime() - armed).isLessThan(Duration.ofSeconds(1).toNanos());
    }
}
