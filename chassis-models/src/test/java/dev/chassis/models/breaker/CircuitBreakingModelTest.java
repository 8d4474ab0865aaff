package dev.chassis.models.breaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chassis.core.model.FinishReason;
import dev.chassis.core.model.Generation;
import dev.chassis.core.model.Message;
import dev.chassis.core.model.Model;
import dev.chassis.core.model.ModelException;
import dev.chassis.core.model.Prompt;
import dev.chassis.core.model.StreamingGeneration;
import dev.chassis.core.model.TokenListener;
import dev.chassis.core.time.Deadline;
import dev.chassis.models.ModelFactory;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CircuitBreakingModelTest {

    private static final Prompt PROMPT = Prompt.of(Message.user("hello"));

    /** An engine that fails with a 500 while {@code down}, else answers "ok"; counts the calls that reach it. */
    private static final class Switchable implements Model {
        volatile boolean down;
        volatile boolean hang;
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public String name() {
            return "sim";
        }

        @Override
        public Generation stream(Prompt prompt, Deadline deadline, TokenListener listener) {
            calls.incrementAndGet();
            StreamingGeneration g = StreamingGeneration.start(name(), deadline, listener);
            if (hang) {
                return g;
            }
            if (down) {
                g.fail(new ModelException.ServerError(name(), 500, "the server had an error", null));
            } else {
                g.token("ok");
                g.complete(prompt, List.of(), Optional.empty(), FinishReason.STOP);
            }
            return g;
        }
    }

    /** A clock the test moves: the wait before a probe passes when the test says, however slow the machine. */
    private static final class HandClock extends Clock {
        private volatile Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;   // the breaker reads instants only; the zone changes nothing it sees
        }
    }

    private static BreakerSettings quick() {
        return BreakerSettings.defaults().withWindow(4, 4).withOpenFor(Duration.ofMillis(300)).withProbes(1);
    }

    private static Optional<ModelException> call(Model m) {
        try {
            m.stream(PROMPT, Deadline.in(Duration.ofSeconds(5)), TokenListener.NONE).join();
            return Optional.empty();
        } catch (ModelException e) {
            return Optional.of(e);
        }
    }

    @Test
    void a_failing_provider_is_not_called_once_the_breaker_opens_and_is_probed_again_after_the_wait() {
        Switchable engine = new Switchable();
        HandClock clock = new HandClock();
        CircuitBreakingModel m = CircuitBreakingModel.of(engine, quick(), clock);
        List<ModelHealth.Condition> seen = new CopyOnWriteArrayList<>();
        m.onHealthChange(h -> seen.add(h.condition()));
        assertThat(call(m)).isEmpty();
        assertThat(m.health().healthy()).isTrue();

        engine.down = true;
        assertThat(call(m)).get().isInstanceOf(ModelException.ServerError.class);
        assertThat(m.health().condition()).isEqualTo(ModelHealth.Condition.FAILING);
        assertThat(m.health().problem()).contains("its last call failed: sim: server error 500: the server had an error");
        for (int i = 0; i < 2; i++) {
            assertThat(call(m)).get().isInstanceOf(ModelException.ServerError.class);
        }
        assertThat(m.health().condition()).as("3 of the 4 calls in the window failed").isEqualTo(ModelHealth.Condition.OPEN);
        assertThat(m.health().problem().orElseThrow()).startsWith("not called for now: 3 of its last 4 calls failed (the last: sim: server error 500");
        int reached = engine.calls.get();
        ModelException refused = call(m).orElseThrow();
        assertThat(refused).isInstanceOf(ModelException.Unavailable.class).hasMessageContaining("sim: not called for now");
        assertThat(((ModelException.Unavailable) refused).retryAfter()).contains(Duration.ofMillis(300));
        assertThat(refused.retryable()).isTrue();
        assertThat(engine.calls.get()).as("an open breaker does not reach the engine").isEqualTo(reached);
        assertThat(m.refusedCalls()).isEqualTo(1);

        engine.down = false;
        clock.advance(Duration.ofMillis(299));
        assertThat(call(m)).as("still open 1 ms before the wait ends").get().isInstanceOf(ModelException.Unavailable.class);
        assertThat(engine.calls.get()).isEqualTo(reached);
        clock.advance(Duration.ofMillis(2));
        assertThat(call(m)).as("the probe reaches the engine and succeeds").isEmpty();
        assertThat(engine.calls.get()).isEqualTo(reached + 1);
        assertThat(m.health().healthy()).isTrue();
        assertThat(m.refusedCalls()).isEqualTo(2);
        assertThat(seen).containsExactly(ModelHealth.Condition.FAILING, ModelHealth.Condition.OPEN, ModelHealth.Condition.PROBING,
                ModelHealth.Condition.HEALTHY);
    }

    @Test
    void a_failed_probe_opens_the_breaker_again() {
        Switchable engine = new Switchable();
        HandClock clock = new HandClock();
        CircuitBreakingModel m = CircuitBreakingModel.of(engine, quick(), clock);
        engine.down = true;
        for (int i = 0; i < 4; i++) {
            call(m);
        }
        clock.advance(Duration.ofMillis(400));
        assertThat(call(m)).get().isInstanceOf(ModelException.ServerError.class);
        assertThat(m.health().condition()).isEqualTo(ModelHealth.Condition.OPEN);
        assertThat(call(m)).get().isInstanceOf(ModelException.Unavailable.class);
        assertThat(engine.calls.get()).as("four calls and one probe reached the engine").isEqualTo(5);
    }

    @Test
    void cancelled_calls_say_nothing_about_the_provider() {
        Switchable engine = new Switchable();
        engine.hang = true;
        CircuitBreakingModel m = CircuitBreakingModel.of(engine, quick());
        for (int i = 0; i < 10; i++) {
            Generation g = m.stream(PROMPT, Deadline.in(Duration.ofSeconds(5)), TokenListener.NONE);
            g.cancel();
        }
        assertThat(m.health().healthy()).isTrue();
        assertThat(m.failedCalls()).isZero();
    }

    @Test
    void a_provider_that_fails_one_call_in_five_keeps_being_called_with_the_default_settings() {
        Switchable engine = new Switchable();
        CircuitBreakingModel m = CircuitBreakingModel.of(engine);
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        for (int i = 0; i < 200; i++) {
            engine.down = random.nextDouble() < 0.2;
            call(m);
        }
        assertThat(m.refusedCalls()).isZero();
        assertThat(m.failedCalls()).isBetween(25L, 55L);
    }

    @Test
    void a_refused_connection_is_said_in_plain_words_and_the_factory_puts_a_breaker_around_a_provider() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();   // closed again: nothing listens there
        }
        Model m = ModelFactory.withEnvironment(v -> null).create("openai-compatible:http://127.0.0.1:" + port + "/v1#m");
        assertThat(m).isInstanceOf(CircuitBreakingModel.class);
        assertThatThrownBy(() -> m.stream(PROMPT, Deadline.in(Duration.ofSeconds(120)), TokenListener.NONE).join())   // only a hang meets it: a cold client at load 30 took over 10 s
                .isInstanceOf(ModelException.Unavailable.class)
                .hasMessage("openai-compatible:http://127.0.0.1:" + port + "/v1#m: cannot connect to the model server (connection refused); "
                        + "check that it is running and that the address is right");
        // The breaker hears of the failure on the thread that completes the call, which may wake this one first: wait for it.
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (((CircuitBreakingModel) m).health().condition() != ModelHealth.Condition.FAILING && System.nanoTime() < until) {
            Thread.sleep(5);
        }
        assertThat(((CircuitBreakingModel) m).health().condition()).isEqualTo(ModelHealth.Condition.FAILING);
    }
}
