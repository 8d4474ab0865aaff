package dev.chassis.talk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.chassis.core.model.Message;
import dev.chassis.core.model.Prompt;
import dev.chassis.talk.monitor.Monitor;
import dev.chassis.talk.signal.Signal;
import dev.chassis.talk.monitor.TurnView;
import dev.chassis.talk.state.Line;
import dev.chassis.talk.state.SessionState;
import dev.chassis.talk.directive.Directive;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Behaviour of a live session, turn by turn, on the offline engine. */
class TalkSessionTest {

    @Test
    void a_contradiction_planted_at_turn_3_is_signalled_by_turn_5_and_the_next_directive_is_a_clarification() {
        TalkHarness h = Fixtures.harness().build();
        try (Session s = h.open(h.stage(Fixtures.briefing()))) {
            s.open(t -> { }).join();
            s.respond("I set it up on my laptop, the bank sync took a while but it worked in the end.", t -> { }).join();
            assertThat(s.settle(Duration.ofSeconds(30))).isTrue(); // its monitors have run, however loaded the machine
            s.respond("The first thing I did was create a budget for groceries and rent.", t -> { }).join();
            assertThat(s.settle(Duration.ofSeconds(30))).isTrue(); // its monitors have run, however loaded the machine
            s.respond("I use the app every day, usually before breakfast.", t -> { }).join();
            assertThat(s.settle(Duration.ofSeconds(30))).isTrue(); // its monitors have run, however loaded the machine
            s.respond("Mostly the categories confused me a bit at first.", t -> { }).join();
            assertThat(s.settle(Duration.ofSeconds(30))).isTrue(); // its monitors have run, however loaded the machine
            TurnRecord fifth = s.respond("To be honest I rarely use the app, maybe once a month.", t -> { }).join();
            assertThat(s.settle(Duration.ofSeconds(30))).isTrue(); // its monitors have run, however loaded the machine
            assertThat(s.state().signals()).anySatisfy(sig -> {
                assertThat(sig).isInstanceOf(Signal.Contradiction.class);
                Signal.Contradiction c = (Signal.Contradiction) sig;
                assertThat(c.earlier().turn()).isEqualTo(3);
                assertThat(c.later().turn()).isEqualTo(5);
            });
            TurnRecord next = s.respond("Yes.", t -> { }).join();
            assertThat(next.directive()).isInstanceOf(Directive.Clarify.class);
            assertThat(next.reply()).contains("I use the app every day").contains("I rarely use the app");
            assertThat(next.signalsUsed()).singleElement().isInstanceOf(Signal.Contradiction.class);
            assertThat(fifth.turn()).isEqualTo(5);
        }
    }

    @Test
    void a_hanging_or_throwing_monitor_never_delays_the_reply_and_is_counted() throws Exception {
        // Held: it returns only once the test lets it, after the replies; a reply that waited for it would never come.
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger held = new AtomicInteger();
        Monitor holding = new Monitor() {
            public String name() {
                return "holding";
            }

            public List<Signal> observe(TurnView turn, SessionState snapshot) throws Exception {
                held.incrementAndGet();
                release.await();
                return List.of();
            }

            public Duration budget() {
                return Duration.ofMinutes(5);
            }
        };
        Monitor hanging = new Monitor() {
            public String name() {
                return "hanging";
            }

            public List<Signal> observe(TurnView turn, SessionState snapshot) throws Exception {
                Thread.sleep(60_000);
                return List.of();
            }

            public Duration budget() {
                return Duration.ofMillis(200);
            }
        };
        Monitor throwing = new Monitor() {
            public String name() {
                return "throwing";
            }

            public List<Signal> observe(TurnView turn, SessionState snapshot) {
                throw new IllegalStateException("monitor bug");
            }
        };
        TalkHarness h = Fixtures.harness().addMonitor(holding).addMonitor(hanging).addMonitor(throwing).build();
        try (Session s = h.open(h.stage(Fixtures.briefing()))) {
            s.open(t -> { }).join();
            for (int i = 0; i < 3; i++) {
                // A generous deadline stands for 'never': the held monitor is released only after the three replies.
                TurnRecord r = s.respond("I set up the account on my phone and linked my bank.", t -> { }).get(60, TimeUnit.SECONDS);
                assertThat(r.reply()).isNotBlank();
            }
            assertThat(release.getCount()).as("every reply came while a monitor was still held").isEqualTo(1);
            release.countDown();
            await().atMost(Duration.ofSeconds(60)).until(() -> s.monitorFailures() >= 6);
            assertThat(s.settle(Duration.ofSeconds(60))).isTrue();
            assertThat(held).as("the held monitor ran for every answer").hasValue(3);
        }
    }

    @Test
    void an_interruption_keeps_only_what_was_delivered_marked_as_cut_off() throws Exception {
        TalkHarness h = TalkHarness.builder()
                .model(Fixtures.offline().withPacing(dev.chassis.models.offline.Pacing.of(Duration.ZERO, Duration.ofMillis(40))))
                .fallback(Fixtures.offline()).build();
        try (Session s = h.open(h.stage(Fixtures.briefing()))) {
            List<String> heard = new CopyOnWriteArrayList<>();
            var reply = s.open(heard::add);
            await().atMost(Duration.ofSeconds(60)).until(() -> heard.size() >= 1);
            s.interrupt();
            TurnRecord r = reply.join();
            assertThat(r.cutOff()).isTrue();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                String delivered = String.join("", heard);
                assertThat(r.reply()).isEqualTo(delivered);
                Line agent = s.state().transcript().getLast();
                assertThat(agent.speaker()).isEqualTo(Line.Speaker.AGENT);
                assertThat(agent.cutOff()).isTrue();
                assertThat(agent.text()).isEqualTo(delivered);
                assertThat(s.state().interruptions()).isEqualTo(1);
            });
        }
    }

    @Test
    void speaking_over_the_agent_cuts_the_reply_and_answers_the_new_turn() {
        TalkHarness h = TalkHarness.builder()
                .model(Fixtures.offline().withPacing(dev.chassis.models.offline.Pacing.of(Duration.ofMillis(300), Duration.ofMillis(50))))
                .fallback(Fixtures.offline()).build();
        try (Session s = h.open(h.stage(Fixtures.briefing()))) {
            var opening = s.open(t -> { });
            TurnRecord next = s.respond("Sorry, can I just say I only have ten minutes?", t -> { }).join();
            assertThat(opening.join().cutOff()).isTrue();
            assertThat(next.turn()).isEqualTo(1);
            assertThat(next.cutOff()).isFalse();
        }
    }

    @Test
    void the_staged_prefix_is_byte_identical_on_every_turn() {
        List<Prompt> prompts = new CopyOnWriteArrayList<>();
        var offline = Fixtures.offline();
        dev.chassis.core.model.Model recording = new dev.chassis.core.model.Model() {
            public String name() {
                return "recording";
            }

            public dev.chassis.core.model.Generation stream(Prompt p, dev.chassis.core.time.Deadline d, dev.chassis.core.model.TokenListener l) {
                prompts.add(p);
                return offline.stream(p, d, l);
            }
        };
        TalkHarness h = TalkHarness.builder().model(recording).fallback(Fixtures.offline()).build();
        try (Session s = h.open(h.stage(Fixtures.briefing()))) {
            s.open(t -> { }).join();
            for (String a : new String[] {"I set it up on my phone.", "I started with the grocery budget.", "Every morning, with coffee."}) {
                s.respond(a, t -> { }).join();
            }
            String prefix = s.state().staged().prefix();
            assertThat(prompts).hasSize(4).allSatisfy(p -> {
                assertThat(p.messages().getFirst()).isEqualTo(Message.system(prefix));
                assertThat(p.intent()).containsInstanceOf(Directive.class);
            });
        }
    }

    @Test
    void a_question_is_never_asked_twice_word_for_word() {
        TalkHarness h = Fixtures.harness().build();
        try (Session s = h.open(h.stage(Fixtures.briefing()))) {
            s.open(t -> { }).join();
            List<String> asked = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                TurnRecord r = s.respond(i % 2 == 0 ? "dunno" : "not sure", t -> { }).join();
                r.directive().question().ifPresent(asked::add);
                assertThat(s.settle(Duration.ofSeconds(30))).isTrue(); // the turn's monitors have run, as before a person's next answer
            }
            assertThat(asked).doesNotHaveDuplicates();
            assertThat(s.state().asked()).doesNotHaveDuplicates();
        }
    }
}
