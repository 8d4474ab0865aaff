package dev.chassis.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chassis.core.journal.FileJournal;
import dev.chassis.core.journal.Journal;
import dev.chassis.core.journal.JournalEntry;
import dev.chassis.talk.state.SessionEvent;
import dev.chassis.talk.state.SessionLog;
import dev.chassis.talk.state.SessionState;
import dev.chassis.work.journal.RunEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Journals written before the journal SPI and the codecs were unified (src/test/resources/journal-v1, written at
 * commit 9200fac) still read: the H2 database through {@link JdbcJournal}, the files through {@link FileJournal},
 * and every entry decodes through today's talk and work codecs.
 */
class OldJournalsTest {

    private static final Path FIXTURE = Path.of("src/test/resources/journal-v1");
    private static final Path RUN_FILES = Path.of(System.getProperty("chassis.repo.dir", ".."))
            .resolve("chassis-work/src/test/resources/journal-v1/runs");

    @Test
    void the_old_h2_journal_holds_the_same_runs_as_the_old_files_and_every_run_event_decodes(@TempDir Path dir) throws IOException {
        Files.copy(FIXTURE.resolve("journal.mv.db"), dir.resolve("journal.mv.db"), StandardCopyOption.REPLACE_EXISTING);
        FileJournal files = new FileJournal(copy(RUN_FILES, dir.resolve("runs")));
        try (JdbcJournal db = JdbcJournal.h2(dir.resolve("journal"))) {
            Journal runs = db.runJournal();
            assertThat(runs.streams()).containsExactlyInAnyOrder("approved", "approved-fork-1", "escalated", "rejected", "waiting");
            assertThat(files.streams()).containsExactlyInAnyOrderElementsOf(runs.streams());
            int events = 0;
            for (String run : runs.streams()) {
                List<JournalEntry> entries = runs.read(run);
                assertThat(entries).as(run).isEqualTo(files.read(run));
                List<RunEvent> decoded = RunEvent.CODEC.decodeAll(entries);
                assertThat(decoded.getFirst()).isInstanceOf(RunEvent.Started.class);
                assertThat(decoded).extracting(e -> e.getClass().getSimpleName()).containsExactlyElementsOf(entries.stream().map(JournalEntry::type).toList());
                events += decoded.size();
            }
            assertThat(events).isEqualTo(100);

            // an old stream goes on where it stopped
            RunEvent.Started first = (RunEvent.Started) RunEvent.CODEC.decode(runs.read("waiting").getFirst());
            int next = runs.read("waiting").size();
            runs.append("waiting", List.of(RunEvent.CODEC.encode(next, first)));
            assertThat(runs.read("waiting")).hasSize(next + 1);
        }
    }

    @Test
    void the_old_talk_session_replays_to_the_same_state_from_the_database_and_from_its_file(@TempDir Path dir) throws IOException {
        Files.copy(FIXTURE.resolve("journal.mv.db"), dir.resolve("journal.mv.db"), StandardCopyOption.REPLACE_EXISTING);
        FileJournal file = new FileJournal(copy(FIXTURE.resolve("sessions"), dir.resolve("sessions")));
        List<SessionEvent> fromFile = SessionEvent.CODEC.decodeAll(file.read("session-1"));
        try (JdbcJournal db = JdbcJournal.h2(dir.resolve("journal"))) {
            Journal sessions = db.sessionJournal();
            assertThat(sessions.streams()).hasSize(1);
            List<SessionEvent> fromDb = SessionEvent.CODEC.decodeAll(sessions.read(sessions.streams().getFirst()));
            assertThat(fromDb).isEqualTo(fromFile);
            assertThat(fromDb.getFirst()).isInstanceOf(SessionEvent.Started.class);
            assertThat(fromDb).filteredOn(SessionEvent.UserSaid.class::isInstance).hasSize(2);
            SessionState state = SessionLog.replay(fromDb, e -> { }).snapshot();
            assertThat(state).isEqualTo(SessionLog.replay(fromFile, e -> { }).snapshot());
            assertThat(fromDb.getLast().at()).isAfter(Instant.parse("2026-01-01T00:00:00Z"));
        }
    }

    private static Path copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
        return to;
    }
}
