package dev.chassis.talk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chassis.core.event.Event;
import dev.chassis.core.journal.InMemoryJournal;
import dev.chassis.core.time.Deadline;
import dev.chassis.talk.stage.StagedContext;
import dev.chassis.core.model.Generation;
import dev.chassis.core.model.Model;
import dev.chassis.core.model.Prompt;
import dev.chassis.core.model.TokenListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A warm-up runs the turn path and leaves nothing behind: no model called, no journal written, no events. */
class WarmUpTest {

    @Test
    void a_warm_up_calls_no_model_writes_no_journal_and_emits_no_event_and_the_real_session_follows_as_usual() {
        AtomicInteger modelCalls = new AtomicInteger();
        Model counted = new Model() {
            @Override
            public String name() {
                return "counted";
            }

            @Override
            public Generation stream(Prompt prompt, Deadline deadline, TokenListener listener) {
                modelCalls.incrementAndGet();
                return Fixtures.offline().stream(prompt, deadline, listener);
            }
        };
        InMemoryJournal journal = new InMemoryJournal();
        List<Event> events = new CopyOnWriteArrayList<>();
        TalkHarness h = TalkHarness.builder().model(counted).fallback(Fixtures.offline()).journal(journal).events(events::add).build();

        StagedContext staged = h.stage(Fixtures.briefing());
        h.warmUp(staged);

        assertThat(modelCalls).as("model calls during the warm-up").hasValue(0);
        assertThat(journal.streams()).as("journal streams after the warm-up").isEmpty();
        assertThat(events).as("events during the warm-up").isEmpty();

        try (Session s = h.open(staged, "real")) {
            s.open(t -> { }).join();
            TurnRecord r = s.respond("I set it up on my phone in about ten minutes.", t -> { }).join();
            assertThat(r.reply()).isNotBlank();
        }
        assertThat(modelCalls.get()).as("the real session's turns go to the model").isGreaterThanOrEqualTo(2);
        assertThat(journal.streams()).containsExactly("real");
        assertThat(events).isNotEmpty();
    }
}
