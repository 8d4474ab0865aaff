package dev.chassis.talk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chassis.core.model.Generation;
import dev.chassis.core.model.Model;
import dev.chassis.core.model.Prompt;
import dev.chassis.core.model.TokenListener;
import dev.chassis.core.time.Deadline;
import dev.chassis.models.offline.OfflineModel;
import dev.chassis.models.offline.Pacing;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Speculative turn preparation: words heard at a pause prepare the answer (its reply generated early); the turn uses
 * that reply when the final words hold, and drops it when they changed. Graded from the outside: which requests reached
 * the model, and what the person got, against a session that prepared nothing.
 */
class PreparedTurnTest {

    private static final String WORDS = "I set it up on my phone in the evening.";

    @Test
    void the_early_reply_is_the_turns_reply_when_the_final_words_are_the_words_prepared() throws Exception {
        CountingModel model = new CountingModel();
        TalkHarness h = Fixtures.harness().model(model).without(Feature.DEADLINE).build();
        try (Session s = h.open(h.stage(Fixtures.briefing()))) {
            s.open(t -> { }).get(10, TimeUnit.SECONDS);
            settled(s);
            List<String> early = new CopyOnWriteArrayList<>();
            s.prepare(Utterance.of(WORDS), early::add);
            Fixtures.await(() -> !early.isEmpty());
            assertThat(s.state().turn()).as("a preparation leaves the state alone").isZero();
            assertThat(s.state().transcript()).hasSize(1);

            StringBuilder streamed = new StringBuilder();
            TurnRecord r = s.respond(WORDS, streamed::append).get(10, TimeUnit.SECONDS);

            assertThat(model.prompts).as("the opening and the early reply; the turn sent no request of its own").hasSize(2);
            assertThat(r.reply()).isEqualTo(Fixtures.unpreparedReply(WORDS)).isEqualTo(streamed.toString());
            assertThat(String.join("", early)).as("what the early listener saw is the reply's beginning").isNotEmpty()
                    .satisfies(e -> assertThat(r.reply()).startsWith(e));
            assertThat(r.cutOff()).isFalse();
            assertThat(s.state().transcript()).extracting(l -> l.text()).contains(WORDS, r.reply());
        }
    }

    @Test
    void the_early_reply_is_dropped_and_the_turn_asks_again_when_the_final_words_changed() throws Exception {
        CountingModel model = new CountingModel();
        TalkHarness h = Fixtures.harness().model(model).without(Feature.DEADLINE).build();
        String finalWords = "I set it up on my laptop, and I gave up after a week.";
        try (Session s = h.open(h.stage(Fixtures.briefing()))) {
            s.open(t -> { }).get(10, TimeUnit.SECONDS);
            settled(s);
            List<String> early = new CopyOnWriteArrayList<>();
            s.prepare(Utterance.of(WORDS), early::add);
            Fixtures.await(() -> !early.isEmpty());

            StringBuilder streamed = new StringBuilder();
            TurnRecord r = s.respond(finalWords, streamed::append).get(10, TimeUnit.SECONDS);

            assertThat(model.prompts).as("the opening, the early reply, and the turn's own request").hasSize(3);
            assertThat(model.prompts.get(1)).isNotEqualTo(model.prompts.get(2));
            Fixtures.await(() -> model.cancelled.get(1).get());
            assertThat(r.reply()).isEqualTo(Fixtures.unpreparedReply(finalWords)).isEqualTo(streamed.toString());
            assertThat(s.state().transcript()).extracting(l -> l.text()).contains(finalWords).doesNotContain(WORDS);
        }
    }

    @Test
    void a_newer_preparation_replaces_the_one_before_and_a_typed_turn_without_one_asks_as_always() throws Exception {
        CountingModel model = new CountingModel();
        TalkHarness h = Fixtures.harness().model(model).without(Feature.DEADLINE).build();
        try (Session s = h.open(h.stage(Fixtures.briefing()))) {
            s.open(t -> { }).get(10, TimeUnit.SECONDS);
            settled(s);
            List<String> first = new CopyOnWriteArrayList<>();
            s.prepare(Utterance.of("I set it up"), first::add);
            Fixtures.await(() -> !first.isEmpty());
            List<String> second = new CopyOnWriteArrayList<>();
            s.prepare(Utterance.of(WORDS), second::add);
            Fixtures.await(() -> !second.isEmpty());
            Fixtures.await(() -> model.cancelled.get(1).get());

            TurnRecord r = s.respond(WORDS, t -> { }).get(10, TimeUnit.SECONDS);
            assertThat(model.prompts).hasSize(3);
            assertThat(r.reply()).isEqualTo(Fixtures.unpreparedReply(WORDS));

            TurnRecord typed = s.respond("Mostly on Sundays.", t -> { }).get(10, TimeUnit.SECONDS);
            assertThat(model.prompts).hasSize(4);
            assertThat(typed.reply()).isNotBlank();
        }
    }

    /**
     * The opening's monitors land behind it: a preparation planned before they land makes another prompt than the turn
     * after them (and is rightly dropped), which is not what these tests are about. Seen once on a loaded machine.
     */
    private static void settled(Session s) {
        assertThat(s.settle(Duration.ofSeconds(10))).as("the opening's monitors settled").isTrue();
    }

    @Test
    void the_early_words_are_shown_only_once_a_turn_would_find_the_reply() throws Exception {
        // The whole reply streams before the model call returns, and the rehearsal of the first words takes its time: the
        // turn ends the moment the first words are shown. It must find the prepared reply, not ask the model again (CI saw
        // three requests: the first token reached the listener before the reply was kept for the turn).
        CountingModel model = new CountingModel(true);
        TalkHarness h = Fixtures.harness().model(model).without(Feature.DEADLINE).build();
        try (Session s = h.open(h.stage(Fixtures.briefing()))) {
            s.open(t -> { }).get(10, TimeUnit.SECONDS);
            settled(s);
            List<String> early = new CopyOnWriteArrayList<>();
            s.prepare(Utterance.of(WORDS), t -> {
                early.add(t);
                if (early.size() == 1) {
                    sleep(300);
                }
            });
            Fixtures.await(() -> !early.isEmpty());
            TurnRecord r = s.respond(WORDS, t -> { }).get(10, TimeUnit.SECONDS);
            assertThat(model.prompts).as("the opening and the early reply").hasSize(2);
            assertThat(r.reply()).isEqualTo(Fixtures.unpreparedReply(WORDS));
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The offline engine, streaming a token every 15 ms, that keeps every prompt it was sent and which calls were cancelled;
     * {@code whole}: the call returns only once the reply has streamed.
     */
    private static final class CountingModel implements Model {
        private final boolean whole;

        CountingModel() {
            this(false);
        }

        CountingModel(boolean whole) {
            this.whole = whole;
        }

        private final OfflineModel offline = Fixtures.offline().withPacing(Pacing.of(Duration.ZERO, Duration.ofMillis(15)));
        final List<Prompt> prompts = new CopyOnWriteArrayList<>();
        final List<AtomicBoolean> cancelled = new CopyOnWriteArrayList<>();

        @Override
        public String name() {
            return "counting";
        }

        @Override
        public Generation stream(Prompt prompt, Deadline deadline, TokenListener listener) {
            prompts.add(prompt);
            AtomicBoolean c = new AtomicBoolean();
            cancelled.add(c);
            Generation g = offline.stream(prompt, deadline, listener);
            if (whole) {
                g.result().join();
            }
            return new Generation() {
                @Override
                public void cancel() {
                    c.set(true);
                    g.cancel();
                }

                @Override
                public java.util.concurrent.CompletableFuture<dev.chassis.core.model.Completion> result() {
                    return g.result();
                }
            };
        }
    }
}
