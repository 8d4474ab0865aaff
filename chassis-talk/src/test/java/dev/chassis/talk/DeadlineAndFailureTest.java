package dev.chassis.talk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chassis.talk.state.SessionEvent;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** First-token deadlines and model failures: the person never waits in silence. */
class DeadlineAndFailureTest {

    @Test
    void the_deadline_bridge_fires_and_the_late_reply_follows_after_it() {
        Duration late = Duration.ofSeconds(4);
        TalkHarness h = Fixtures.harness().model(Fixtures.late(late, call -> call == 1))
                .firstTokenDeadline(Duration.ofMillis(300)).build();
        try (Session s = h.open(h.stage(Fixtures.briefing()))) {
            s.open(t -> { }).join();
            List<String> heard = new CopyOnWriteArrayList<>();
            long start = System.nanoTime();
            TurnRecord r = s.respond("I set it up on my phone in about ten minutes.", heard::add).join();

            assertThat(r.deadlineMissed()).isTrue();
            assertThat(r.bridge()).hasValueSatisfying(b -> assertThat(b).isNotBlank());
            // The bridge is heard first, at the deadline, while the model is still silent (order, not wall time: CI is slow).
            assertThat(r.timings().firstDelivered().orElseThrow()).isLessThan(r.timings().modelFirstToken().orElseThrow());
            assertThat(r.timings().modelFirstToken().orElseThrow()).isGreaterThanOrEqualTo(late.minusMillis(100));
            assertThat(r.reply()).startsWith(r.bridge().get()).contains(r.directive().question().orElseThrow());
            assertThat(r.reply()).doesNotContain("?What").doesNotContain(".What");
            assertThat(String.join("", heard)).isEqualTo(r.reply());
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(late.minusMillis(100));
            // Counted for this turn only: a cold JVM's opening turn may itself pass 300 ms on a slow machine.
            assertThat(s.state().log()).filteredOn(e -> e instanceof SessionEvent.DeadlineMissed m && m.turn() == r.turn())
                    .singleElement().satisfies(e -> assertThat(((SessionEvent.DeadlineMissed) e).remedy()).isEqualTo("bridge"));
            assertThat(s.state().deadlineMisses()).isEqualTo(s.state().log().stream().filter(e -> e instanceof SessionEvent.DeadlineMissed).count());
        }
    }

    @Test
    void a_model_late_on_every_turn_is_bridged_with_a_different_filler_each_time() {
        TalkHarness h = Fixtures.harness().model(Fixtures.late(Duration.ofMillis(900), call -> call >= 1))
                .firstTokenDeadline(Duration.ofMillis(200)).build();
        try (Session s = h.open(h.stage(Fixtures.briefing()))) {
            s.open(t -> { }).join();
            List<String> bridges = new java.util.ArrayList<>();
            for (String answer : List.of("I set it up on my phone in about ten minutes.", "Mostly planning the week with my partner.",
                    "It got useful when the shared calendar worked.")) {
                TurnRecord r = s.respond(answer, t -> { }).join();
                assertThat(r.deadlineMissed()).isTrue();
                bridges.add(r.bridge().orElseThrow().strip());
            }
            assertThat(bridges).as("fillers of three late turns in a row").doesNotHaveDuplicates();
        }
    }

    @Test
    void with_a_hand_over_model_the_faster_model_takes_the_late_turn() {
        TalkHarness h = Fixtures.harness().model(Fixtures.late(Duration.ofSeconds(60), call -> true))
                .handOverTo(Fixtures.offline()).firstTokenDeadline(Duration.ofMillis(200)).build();
        try (Session s = h.open(h.stage(Fixtures.briefing()))) {
            TurnRecord r = s.open(t -> { }).join();
            assertThat(r.deadlineMissed()).isTrue();
            assertThat(r.model()).isEqualTo("offline");
            assertThat(r.bridge()).isEmpty();
            assertThat(r.reply()).contains("How did you first set up the app?");
            assertThat(r.timings().total()).as("did not wait for the late model (60 s)").isLessThan(Duration.ofSeconds(30));
        }
    }

    @Test
    void a_model_that_fails_is_answered_offline_within_the_deadline() {
        // A long deadline: the offline answer must follow the failure at once, not wait for the deadline to pass.
        TalkHarness h = Fixtures.harness().model(Fixtures.failing()).firstTokenDeadline(Duration.ofSeconds(30)).build();
        try (Session s = h.open(h.stage(Fixtures.briefing()))) {
            s.open(t -> { }).join();
            TurnRecord r = s.respond("I set it up on my phone.", t -> { }).join();
            assertThat(r.failure()).hasValue("broken-model: server error 500: boom");
            assertThat(r.model()).isEqualTo("offline");
            assertThat(r.reply()).contains(r.directive().question().orElseThrow());
            assertThat(r.deadlineMissed()).isFalse();
            assertThat(r.bridge()).isEmpty();
            assertThat(r.timings().firstDelivered().orElseThrow()).isLessThan(Duration.ofSeconds(30));
        }
    }

    @Test
    void without_the_deadline_feature_the_person_waits_for_the_model() {
        TalkHarness h = Fixtures.harness().model(Fixtures.late(Duration.ofMillis(900), call -> call == 1))
                .firstTokenDeadline(Duration.ofMillis(200)).without(Feature.DEADLINE).build();
        try (Session s = h.open(h.stage(Fixtures.briefing()))) {
            s.open(t -> { }).join();
            TurnRecord r = s.respond("On my phone.", t -> { }).join();
            assertThat(r.deadlineMissed()).isFalse();
            assertThat(r.timings().firstDelivered().orElseThrow()).isGreaterThan(Duration.ofMillis(850));
        }
    }
}
