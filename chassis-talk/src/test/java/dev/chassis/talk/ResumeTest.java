package dev.chassis.talk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chassis.core.journal.JournalEntry;
import dev.chassis.talk.internal.LiveSession;
import dev.chassis.core.journal.FileJournal;
import dev.chassis.talk.state.SessionState;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A session rebuilt from its journal equals the session that was lost. */
class ResumeTest {

    @Test
    void a_resumed_session_equals_the_state_before_field_by_field_and_carries_on(@TempDir Path dir) throws Exception {
        TalkHarness h = Fixtures.harness().journal(new FileJournal(dir)).build();
        SessionState before;
        Session s = h.open(h.stage(Fixtures.briefing()), "s-1");
        s.open(t -> { }).join();
        for (String a : new String[] {"I set it up on my laptop, the bank sync failed twice and I nearly gave up.",
                "I use the app every day before work.", "Honestly I'm so overwhelmed with money right now.", "I rarely use the app."}) {
            s.respond(a, t -> { }).join();
            assertThat(s.settle(Duration.ofSeconds(60))).isTrue();   // as a person's next answer would: its monitors have run
        }
        // A crash stops the monitors too: in one process, they must have landed before the journal is read again, or a late
        // one's signal takes the resumed session's next journal entry (the read-back skipped it) and its writes never land.
        assertThat(s.settle(Duration.ofSeconds(60))).isTrue();
        ((LiveSession) s).flush(Duration.ofSeconds(5));
        before = s.state();
        // A crash: the session object is dropped without close(); only the journal remains.

        TalkHarness restarted = Fixtures.harness().journal(new FileJournal(dir)).build();
        try (Session resumed = restarted.resume("s-1")) {
            assertThat(resumed.state()).isEqualTo(before);
            assertThat(resumed.state().claims()).isNotEmpty();
            assertThat(resumed.state().signals()).isNotEmpty();
            TurnRecord next = resumed.respond("Sorry, where were we?", t -> { }).join();
            assertThat(next.turn()).isEqualTo(before.turn() + 1);
        }
    }

    @Test
    void a_write_torn_by_a_crash_is_dropped_and_the_journal_goes_on(@TempDir Path dir) throws Exception {
        FileJournal journal = new FileJournal(dir);
        journal.append("s", List.of(new JournalEntry(0, "A", "{}", java.time.Instant.EPOCH)));
        Files.writeString(dir.resolve("s.jsonl"), "{\"seq\":1,\"type\":\"B\",\"pay", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        FileJournal reopened = new FileJournal(dir);
        assertThat(reopened.read("s")).hasSize(1);
        reopened.append("s", List.of(new JournalEntry(1, "B", "{}", java.time.Instant.EPOCH)));
        assertThat(reopened.read("s")).extracting(JournalEntry::type).containsExactly("A", "B");
    }

    @Test
    void resuming_an_unknown_session_or_opening_an_existing_one_is_refused() {
        TalkHarness h = Fixtures.harness().build();
        assertThatThrownBy(() -> h.resume("nope")).hasMessage("no session 'nope' in the journal");
        Session s = h.open(h.stage(Fixtures.briefing()), "dup");
        ((LiveSession) s).flush(Duration.ofSeconds(5));
        assertThatThrownBy(() -> h.open(h.stage(Fixtures.briefing()), "dup"))
                .hasMessage("session 'dup' already exists in the journal; resume it instead");
        s.close();
    }
}
