package dev.chassis.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chassis.core.journal.JournalEntry;
import dev.chassis.core.journal.JournalException;
import dev.chassis.core.journal.Journal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdbcJournalTest {

    private static JournalEntry entry(long seq) {
        return new JournalEntry(seq, "T" + seq, "{\"n\":" + seq + ",\"text\":\"ünïcødé ✓\"}", Instant.parse("2026-11-24T10:00:00Z").plusSeconds(seq));
    }

    @Test
    void entries_come_back_in_order_per_stream_and_kind_on_every_database(@TempDir Path dir) {
        for (String url : Databases.urls(dir)) {
            String id = "s-" + UUID.randomUUID();
            try (JdbcJournal db = JdbcJournal.open(url)) {
                Journal sessions = db.sessionJournal();
                Journal runs = db.runJournal();
                sessions.append(id, List.of(entry(0), entry(1)));
                sessions.append(id, List.of(entry(2)));
                runs.append("run-" + id, List.of(entry(0)));
                assertThat(sessions.read(id)).as(url).containsExactly(entry(0), entry(1), entry(2));
                assertThat(runs.read(id)).isEmpty();
                assertThat(sessions.streams()).contains(id).doesNotContain("run-" + id);
                assertThat(runs.streams()).contains("run-" + id);
                assertThatThrownBy(() -> sessions.append(id, List.of(entry(5))))
                        .isInstanceOf(JournalException.class).hasMessage("session " + id + ": expected entry 3, got 5");
            }
            try (JdbcJournal again = JdbcJournal.open(url)) {
                assertThat(again.sessionJournal().read(id)).hasSize(3);
                again.sessionJournal().append(id, List.of(entry(3)));
                assertThatThrownBy(() -> again.sessionJournal().append(id, List.of(entry(3)))).isInstanceOf(JournalException.class);
            }
        }
    }

    @Test
    void an_h2_url_without_durable_writes_is_refused_and_a_bad_url_is_one_clear_error(@TempDir Path dir) {
        assertThatThrownBy(() -> JdbcJournal.open("jdbc:h2:file:" + dir.resolve("x")))
                .hasMessageStartingWith("an H2 journal must use WRITE_DELAY=0, or committed entries are lost on a crash");
        assertThatThrownBy(() -> JdbcJournal.open("jdbc:postgresql://127.0.0.1:1/none?user=x&password=secret"))
                .isInstanceOf(JournalException.class)
                .hasMessageStartingWith("cannot open the journal database jdbc:postgresql://127.0.0.1:1/none?user=x&password=***")
                .hasMessageNotContaining("secret");
    }

    @Test
    void postgres_runs_when_configured() {
        Databases.requirePostgres();
        try (JdbcJournal db = JdbcJournal.open(Databases.PG)) {
            String id = "pg-" + UUID.randomUUID();
            db.runJournal().append(id, List.of(entry(0)));
            assertThat(db.runJournal().read(id)).containsExactly(entry(0));
        }
    }
}
