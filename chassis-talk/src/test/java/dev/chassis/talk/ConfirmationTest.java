package dev.chassis.talk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chassis.core.journal.InMemoryJournal;
import dev.chassis.talk.internal.LiveSession;
import dev.chassis.talk.journal.HookedJournal;
import dev.chassis.talk.state.Line;
import dev.chassis.talk.state.SessionEvent;
import dev.chassis.talk.directive.Directive;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Confirmed means durable: a turn's future completes only once the journal has the answer and the reply. */
class ConfirmationTest {

    @Test
    void a_turn_is_confirmed_only_once_the_journal_has_its_answer_and_reply() throws Exception {
        AtomicReference<CompletableFuture<Void>> gate = new AtomicReference<>(CompletableFuture.completedFuture(null));
        HookedJournal journal = new HookedJournal((id, entries, append) -> {
            gate.get().join();
            append.run();
        });
        TalkHarness h = Fixtures.harness().journal(journal).build();
        try (Session s = h.open(h.stage(Fixtures.briefing()), "gated")) {
            s.open(t -> { }).get(5, TimeUnit.SECONDS);
            gate.set(new CompletableFuture<>());
            CompletableFuture<TurnRecord> turn = s.respond("I set it up on my phone in the evening.", t -> { });
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (s.state().transcript().stream().noneMatch(l -> l.turn() == 1 && l.speaker() == Line.Speaker.AGENT)) {
                assertThat(System.nanoTime()).as("the reply ends in memory").isLessThan(until);
                Thread.sleep(5);
            }
            Thread.sleep(50);
            assertThat(turn).as("not confirmed while the journal cannot take it").isNotDone();
            gate.get().complete(null);
            TurnRecord r = turn.get(5, TimeUnit.SECONDS);
            List<SessionEvent> written = SessionEvent.CODEC.decodeAll(journal.read("gated"));
            assertThat(written).anyMatch(e -> e instanceof SessionEvent.UserSaid u && u.turn() == 1);
            assertThat(written).anyMatch(e -> e instanceof SessionEvent.AgentSaid a && a.turn() == 1 && a.text().equals(r.reply()));
        }
    }

    @Test
    void a_resumed_session_knows_its_agent_wrapped_up_so_that_no_second_wrap_up_follows() throws Exception {
        InMemoryJournal journal = new InMemoryJournal();
        AtomicBoolean wrapNow = new AtomicBoolean();
        TalkHarness h = Fixtures.harness().journal(journal)
                .steeringRule(ctx -> wrapNow.get() ? Optional.of(new Directive.WrapUp(ctx.language(), List.of())) : Optional.empty())
                .build();
        Session s = h.open(h.stage(Fixtures.briefing()), "ends");
        s.open(t -> { }).get(5, TimeUnit.SECONDS);
        s.respond("I set it up on my phone.", t -> { }).get(5, TimeUnit.SECONDS);
        assertThat(s.state().wrappedUp()).isFalse();
        wrapNow.set(true);
        TurnRecord last = s.respond("That's all, really.", t -> { }).get(5, TimeUnit.SECONDS);
        assertThat(last.directive()).isInstanceOf(Directive.WrapUp.class);
        assertThat(s.state().wrappedUp()).isTrue();
        s.settle(Duration.ofSeconds(5)); // the last monitors' signals land before the crash, not beside the resumed session's
        assertThat(((LiveSession) s).flush(Duration.ofSeconds(5))).isTrue();
        // A crash right after the wrap-up was confirmed: the session object is dropped, the journal remains.
        try (Session resumed = h.resume("ends")) {
            assertThat(resumed.state().wrappedUp()).isTrue();
        }
    }

    @Test
    void a_wrap_up_cut_off_by_the_person_is_not_an_end() throws Exception {
        TalkHarness h = Fixtures.harness().model(Fixtures.late(Duration.ofSeconds(30), call -> call > 0))
                .without(Feature.DEADLINE)
                .steeringRule(ctx -> ctx.state().turn() >= 1 ? Optional.of(new Directive.WrapUp(ctx.language(), List.of())) : Optional.empty())
                .build();
        try (Session s = h.open(h.stage(Fixtures.briefing()))) {
            s.open(t -> { }).get(5, TimeUnit.SECONDS);
            CompletableFuture<TurnRecord> wrap = s.respond("That's all, really.", t -> { });
            s.interrupt();
            assertThat(wrap.get(5, TimeUnit.SECONDS).cutOff()).isTrue();
            assertThat(s.state().wrappedUp()).isFalse();
        }
    }
}
