package dev.chassis.talk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chassis.core.model.Completion;
import dev.chassis.core.model.FinishReason;
import dev.chassis.core.model.Generation;
import dev.chassis.core.model.Model;
import dev.chassis.core.model.Prompt;
import dev.chassis.core.model.StreamingGeneration;
import dev.chassis.core.model.TokenListener;
import dev.chassis.core.time.Deadline;
import dev.chassis.models.offline.OfflineModel;
import dev.chassis.talk.monitor.Monitor;
import dev.chassis.talk.monitor.TurnView;
import dev.chassis.talk.signal.Signal;
import dev.chassis.talk.state.SessionState;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What runs behind a turn's request (the monitors, indexing) starts once the request is on the wire, not while it is
 * being sent, and then once the model has answered or a short grace has passed: graded from the outside, by a monitor
 * that notes the turns it saw (and when) and a model that says when its request is on the wire.
 */
class BehindTheWireTest {

    @Test
    void the_monitors_of_a_turn_start_once_its_request_is_on_the_wire() throws Exception {
        WireModel model = new WireModel();
        SeenMonitor seen = new SeenMonitor();
        TalkHarness h = Fixtures.harness().model(model).addMonitor(seen).build();
        try (Session s = h.open(h.stage(Fixtures.briefing()))) {
            s.open(t -> { }).get(60, TimeUnit.SECONDS);
            model.onWire.getLast().complete(null);

            CompletableFuture<TurnRecord> turn = s.respond("I set it up on my phone in the evening, it took ten minutes.", t -> { });
            TurnRecord r = turn.get(60, TimeUnit.SECONDS);
            assertThat(r.reply()).isNotBlank();
            assertThat(s.settle(Duration.ofMillis(200))).as("settling waits for what has not started yet").isFalse();
            assertThat(seen.turns).as("the request is not on the wire yet: no monitor has started").isEmpty();

            model.onWire.getLast().complete(null);
            assertThat(s.settle(Duration.ofSeconds(60))).isTrue();
            assertThat(seen.turns).containsExactly(1);
        }
    }

    @Test
    void with_an_engine_that_has_no_wire_they_start_with_the_request_as_before() throws Exception {
        SeenMonitor seen = new SeenMonitor();
        TalkHarness h = Fixtures.harness().addMonitor(seen).build();
        try (Session s = h.open(h.stage(Fixtures.briefing()))) {
            s.open(t -> { }).get(60, TimeUnit.SECONDS);
            s.respond("I set it up on my phone in the evening.", t -> { }).get(60, TimeUnit.SECONDS);
            assertThat(s.settle(Duration.ofSeconds(60))).isTrue();
            assertThat(seen.turns).containsExactly(1);
        }
    }

    @Test
    void a_model_slow_to_answer_holds_them_back_only_for_a_short_grace_after_the_write() throws Exception {
        SlowModel model = new SlowModel(Duration.ofMillis(3000));
        SeenMonitor seen = new SeenMonitor();
        // This monitor alone (the built-in ones, loading their models on a first turn, would hold the carriers and so delay
        // it whenever it started), and no first-token deadline (its remedy counts as an answer at 740 ms): the grace alone.
        TalkHarness h = Fixtures.harness().model(model).monitors(List.of(seen)).without(Feature.DEADLINE).build();
        try (Session s = h.open(h.stage(Fixtures.briefing()))) {
            s.open(t -> { }).get(60, TimeUnit.SECONDS);
            s.settle(Duration.ofSeconds(60));
            seen.at.clear();
            CompletableFuture<TurnRecord> turn = s.respond("I set it up on my phone in the evening, it took ten minutes.", t -> { });
            assertThat(s.settle(Duration.ofSeconds(60))).isTrue();
            long wire = model.wireAt.getLast();
            assertThat(seen.at).hasSize(1);
            long started = seen.at.getFirst() - wire;
            // Not at the write (a server on the same machine is reading it then), and not as late as the model's first words.
            assertThat(Duration.ofNanos(started)).isGreaterThanOrEqualTo(Duration.ofMillis(10)).isLessThan(Duration.ofMillis(3000));
            assertThat(turn.get(60, TimeUnit.SECONDS).reply()).isEqualTo("Thank you.");
        }
    }

    /** A model on the wire at once that says its words only after {@code delay}. */
    private static final class SlowModel implements Model {
        private final Duration delay;
        final List<Long> wireAt = new CopyOnWriteArrayList<>();

        SlowModel(Duration delay) {
            this.delay = delay;
        }

        @Override
        public String name() {
            return "slow";
        }

        @Override
        public Generation stream(Prompt prompt, Deadline deadline, TokenListener listener) {
            StreamingGeneration g = StreamingGeneration.start(name(), deadline, listener);
            g.sendsOnWire();
            wireAt.add(System.nanoTime());
            g.onWire();
            Thread.ofVirtual().start(() -> {
                try {
                    Thread.sleep(delay);
                } catch (InterruptedException e) {
                    return;
                }
                g.token("Thank you.");
                g.complete(prompt, List.of(), Optional.empty(), FinishReason.STOP);
            });
            return g;
        }
    }

    /** The offline engine, whose generations say they are on the wire when the test completes their future. */
    private static final class WireModel implements Model {
        private final OfflineModel offline = Fixtures.offline();
        final List<CompletableFuture<Void>> onWire = new CopyOnWriteArrayList<>();

        @Override
        public String name() {
            return "wire";
        }

        @Override
        public Generation stream(Prompt prompt, Deadline deadline, TokenListener listener) {
            CompletableFuture<Void> sent = new CompletableFuture<>();
            onWire.add(sent);
            Generation g = offline.stream(prompt, deadline, listener);
            return new Generation() {
                @Override
                public void cancel() {
                    g.cancel();
                }

                @Override
                public CompletableFuture<Completion> result() {
                    return g.result();
                }

                @Override
                public CompletableFuture<Void> sent() {
                    return sent;
                }
            };
        }
    }

    /** Notes the turns it observed. */
    private static final class SeenMonitor implements Monitor {
        final List<Integer> turns = new CopyOnWriteArrayList<>();
        final List<Long> at = new CopyOnWriteArrayList<>();

        @Override
        public String name() {
            return "seen";
        }

        @Override
        public List<Signal> observe(TurnView turn, SessionState snapshot) {
            at.add(System.nanoTime());
            turns.add(turn.turn());
            return List.of();
        }
    }
}
