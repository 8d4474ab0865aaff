package dev.chassis.talk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chassis.core.model.Completion;
import dev.chassis.core.model.Generation;
import dev.chassis.core.model.Model;
import dev.chassis.core.model.Prompt;
import dev.chassis.core.model.TokenListener;
import dev.chassis.core.time.Deadline;
import dev.chassis.models.offline.OfflineModel;
import dev.chassis.models.offline.Pacing;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Two preparations and a turn race on one session: the orders that once lost a prepared reply or hung the turn (a turn
 * taking over a reply its own preparation then cancelled waited forever) are forced here with a model that holds a
 * call or a cancellation until the test lets it go.
 */
class PreparationRaceTest {

    private static final String EARLIER = "I set it up";
    private static final String WORDS = "I set it up on my phone in the evening.";

    @Test
    void a_turn_that_took_the_prepared_reply_keeps_it_while_its_preparation_finishes() throws Exception {
        GatedModel model = new GatedModel();
        CountDownLatch turnTookIt = new CountDownLatch(1);
        model.holdCancel(EARLIER, turnTookIt);   // the second preparation drops the first, then waits here
        TalkHarness h = Fixtures.harness().model(model).without(Feature.DEADLINE).build();
        try (Session s = h.open(h.stage(Fixtures.briefing()))) {
            s.open(t -> { }).get(10, TimeUnit.SECONDS);
            List<String> first = new CopyOnWriteArrayList<>();
            s.prepare(Utterance.of(EARLIER), first::add);
            Fixtures.await(() -> !first.isEmpty());
            s.prepare(Utterance.of(WORDS), t -> { });
            Fixtures.await(() -> model.cancelling(EARLIER));

            CompletableFuture<TurnRecord> turn = s.respond(WORDS, t -> { });   // plans and takes the reply on this thread
            turnTookIt.countDown();

            TurnRecord r = turn.get(20, TimeUnit.SECONDS);
            assertThat(model.calls()).as("the opening and two preparations; the turn sent no request of its own").isEqualTo(3);
            assertThat(r.reply()).isEqualTo(Fixtures.unpreparedReply(WORDS));
            assertThat(model.cancelled(WORDS)).as("the reply the turn took was never cancelled").isFalse();
        }
    }

    @Test
    void the_preparation_begun_on_later_words_wins_whichever_finishes_planning_first() throws Exception {
        GatedModel model = new GatedModel();
        CountDownLatch laterReady = new CountDownLatch(1);
        model.holdCall(EARLIER, laterReady);   // the first preparation's call waits until the second is in place
        TalkHarness h = Fixtures.harness().model(model).without(Feature.DEADLINE).build();
        try (Session s = h.open(h.stage(Fixtures.briefing()))) {
            s.open(t -> { }).get(10, TimeUnit.SECONDS);
            s.prepare(Utterance.of(EARLIER), t -> { });
            Fixtures.await(() -> model.called(EARLIER));
            List<String> second = new CopyOnWriteArrayList<>();
            s.prepare(Utterance.of(WORDS), second::add);
            Fixtures.await(() -> !second.isEmpty());
            Thread.sleep(300);   // the second preparation puts its reply in place right after its first token
            laterReady.countDown();
            Fixtures.await(() -> model.cancelled(EARLIER));   // the earlier words lose, though their plan finished last

            TurnRecord r = s.respond(WORDS, t -> { }).get(20, TimeUnit.SECONDS);
            assertThat(model.calls()).as("the later preparation's reply is the turn's").isEqualTo(3);
            assertThat(r.reply()).isEqualTo(Fixtures.unpreparedReply(WORDS));
            assertThat(model.cancelled(WORDS)).isFalse();
        }
    }


    /**
     * The offline engine streaming a token every 15 ms, whose calls are told apart by the person's last words: a call, or
     * its cancellation, can be held until a latch opens.
     */
    private static final class GatedModel implements Model {
        private final OfflineModel offline = Fixtures.offline().withPacing(Pacing.of(Duration.ZERO, Duration.ofMillis(15)));
        private final List<String> calls = new CopyOnWriteArrayList<>();
        private final Map<String, AtomicBoolean> cancelled = new ConcurrentHashMap<>();
        private final Map<String, AtomicBoolean> cancelling = new ConcurrentHashMap<>();
        private final Map<String, CountDownLatch> heldCalls = new ConcurrentHashMap<>();
        private final Map<String, CountDownLatch> heldCancels = new ConcurrentHashMap<>();

        void holdCall(String words, CountDownLatch until) {
            heldCalls.put(words, until);
        }

        void holdCancel(String words, CountDownLatch until) {
            heldCancels.put(words, until);
        }

        int calls() {
            return calls.size();
        }

        boolean called(String words) {
            return calls.contains(words);
        }

        boolean cancelled(String words) {
            return cancelled.getOrDefault(words, new AtomicBoolean()).get();
        }

        boolean cancelling(String words) {
            return cancelling.getOrDefault(words, new AtomicBoolean()).get();
        }

        @Override
        public String name() {
            return "gated";
        }

        @Override
        public Generation stream(Prompt prompt, Deadline deadline, TokenListener listener) {
            String words = prompt.lastUserText();
            calls.add(words);
            AtomicBoolean c = cancelled.computeIfAbsent(words, w -> new AtomicBoolean());
            hold(heldCalls.get(words));
            Generation g = offline.stream(prompt, deadline, listener);
            return new Generation() {
                @Override
                public void cancel() {
                    cancelling.computeIfAbsent(words, w -> new AtomicBoolean()).set(true);
                    hold(heldCancels.get(words));
                    c.set(true);
                    g.cancel();
                }

                @Override
                public CompletableFuture<Completion> result() {
                    return g.result();
                }
            };
        }

        private static void hold(CountDownLatch latch) {
            if (latch == null) {
                return;
            }
            try {
                latch.await(15, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
