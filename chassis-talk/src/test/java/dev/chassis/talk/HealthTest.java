package dev.chassis.talk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chassis.core.event.Event;
import dev.chassis.core.journal.JournalUnavailableException;
import dev.chassis.core.model.Generation;
import dev.chassis.core.model.Model;
import dev.chassis.core.model.Prompt;
import dev.chassis.core.model.TokenListener;
import dev.chassis.core.time.Deadline;
import dev.chassis.talk.health.SessionHealth;
import dev.chassis.talk.journal.HookedJournal;
import dev.chassis.talk.observe.TalkEvent;
import dev.chassis.talk.state.SessionEvent;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** A session says when it cannot save and when its model fails, and when each recovers: nothing degrades silently. */
class HealthTest {

    private final List<Event> events = new CopyOnWriteArrayList<>();

    private List<SessionHealth> told() {
        return events.stream().filter(e -> e instanceof TalkEvent.HealthChanged).map(e -> ((TalkEvent.HealthChanged) e).health()).toList();
    }

    @Test
    void a_journal_that_refuses_writes_is_told_with_its_reason_and_so_is_its_recovery_and_nothing_is_lost() throws Exception {
        AtomicBoolean full = new AtomicBoolean();
        HookedJournal journal = new HookedJournal((id, entries, append) -> {
            if (full.get()) {
                throw new JournalUnavailableException("append to the journal database: the disk is full", "the disk is full", null);
            }
            append.run();
        });
        TalkHarness h = Fixtures.harness().journal(journal).events(events::add).build();
        try (Session s = h.open(h.stage(Fixtures.briefing()), "full-disk")) {
            s.open(t -> { }).get(5, TimeUnit.SECONDS);
            assertThat(s.health()).isEqualTo(SessionHealth.OK);
            full.set(true);
            CompletableFuture<TurnRecord> turn = s.respond("I set it up on my phone in the evening.", t -> { });
            waitFor(() -> s.health().saving().isPresent());

            assertThat(s.health().saving().orElseThrow().reason()).isEqualTo("the disk is full");
            assertThat(told()).singleElement().satisfies(x -> assertThat(x.saving()).isPresent());
            Thread.sleep(50);
            assertThat(turn).as("not confirmed while the journal refuses it").isNotDone();

            full.set(false);
            TurnRecord r = turn.get(10, TimeUnit.SECONDS);
            waitFor(() -> s.health().ok());
            assertThat(told()).hasSize(2).last().isEqualTo(SessionHealth.OK);
            s.settle(java.time.Duration.ofSeconds(5));
            ((dev.chassis.talk.internal.LiveSession) s).flush(java.time.Duration.ofSeconds(5));
            List<SessionEvent> written = SessionEvent.CODEC.decodeAll(journal.read("full-disk"));
            assertThat(written).anyMatch(e -> e instanceof SessionEvent.UserSaid u && u.turn() == 1);
            assertThat(written).anyMatch(e -> e instanceof SessionEvent.AgentSaid a && a.turn() == 1 && a.text().equals(r.reply()));
            assertThat(written).filteredOn(e -> e instanceof SessionEvent.HealthChange)
                    .hasExactlyElementsOfTypes(SessionEvent.JournalFailed.class, SessionEvent.JournalRecovered.class)
                    .first().satisfies(e -> assertThat(((SessionEvent.JournalFailed) e).problem()).isEqualTo("the disk is full"));
        }
    }

    @Test
    void a_failing_model_is_told_once_each_turn_it_fails_is_marked_and_its_recovery_is_told_when_it_answers_again() {
        AtomicBoolean down = new AtomicBoolean();
        Model offline = Fixtures.offline();
        Model flaky = new Model() {
            @Override
            public String name() {
                return "flaky-model";
            }

            @Override
            public Generation stream(Prompt prompt, Deadline deadline, TokenListener listener) {
                if (down.get()) {
                    return Fixtures.failing().stream(prompt, deadline, listener);
                }
                return offline.stream(prompt, deadline, listener);
            }
        };
        TalkHarness h = Fixtures.harness().model(flaky).events(events::add).build();
        try (Session s = h.open(h.stage(Fixtures.briefing()))) {
            s.open(t -> { }).join();
            down.set(true);
            TurnRecord failed = s.respond("I set it up on my phone.", t -> { }).join();
            TurnRecord again = s.respond("It took about ten minutes.", t -> { }).join();

            assertThat(failed.model()).isEqualTo("offline");
            assertThat(again.failure()).hasValue("broken-model: server error 500: boom");
            assertThat(s.health().model()).hasValueSatisfying(p -> assertThat(p.reason()).isEqualTo("broken-model: server error 500: boom"));
            assertThat(told()).as("told once, not every turn").hasSize(1);
            assertThat(s.state().log()).filteredOn(e -> e instanceof SessionEvent.ModelFailed)
                    .extracting(e -> ((SessionEvent.ModelFailed) e).turn()).containsExactly(1, 2);

            down.set(false);
            TurnRecord back = s.respond("I mostly use it for invoices.", t -> { }).join();
            assertThat(back.model()).isEqualTo("flaky-model");
            assertThat(back.failure()).isEmpty();
            assertThat(s.health()).isEqualTo(SessionHealth.OK);
            assertThat(told()).hasSize(2).last().isEqualTo(SessionHealth.OK);
            assertThat(s.state().log()).filteredOn(e -> e instanceof SessionEvent.ModelRecovered)
                    .singleElement().satisfies(e -> assertThat(((SessionEvent.ModelRecovered) e).turn()).isEqualTo(3));
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within 5 s").isLessThan(until);
            Thread.sleep(5);
        }
    }
}
