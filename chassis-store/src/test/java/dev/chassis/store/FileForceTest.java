package dev.chassis.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileForceTest {

    @Test
    void finds_the_database_file_of_embedded_h2_urls_only() {
        assertThat(FileForce.h2File("jdbc:h2:file:/data/chassis;WRITE_DELAY=0")).contains(Path.of("/data/chassis.mv.db"));
        assertThat(FileForce.h2File("jdbc:h2:/data/chassis;WRITE_DELAY=0")).contains(Path.of("/data/chassis.mv.db"));
        assertThat(FileForce.h2File("jdbc:h2:~/chassis;WRITE_DELAY=0"))
                .contains(Path.of(System.getProperty("user.home") + "/chassis.mv.db"));
        assertThat(FileForce.h2File("jdbc:h2:mem:test;WRITE_DELAY=0")).isEmpty();
        assertThat(FileForce.h2File("jdbc:h2:tcp://host/db;WRITE_DELAY=0")).isEmpty();
        assertThat(FileForce.h2File("jdbc:postgresql://127.0.0.1/chassis")).isEmpty();
    }

    @Test
    void an_h2_journal_syncs_its_database_file_and_keeps_working(@TempDir Path dir) {
        try (JdbcJournal db = JdbcJournal.h2(dir.resolve("j"))) {
            assertThat(FileForce.forH2(JdbcJournal.h2Url(dir.resolve("j")))).isPresent();
            db.runJournal().append("r1", java.util.List.of(new dev.chassis.core.journal.JournalEntry(0, "t", "{}", java.time.Instant.EPOCH)));
            assertThat(db.runJournal().read("r1")).hasSize(1);
        }
        assertThat(FileForce.forH2(JdbcJournal.h2Url(dir.resolve("missing")))).isEmpty();
    }

    @Test
    void a_journal_that_need_only_survive_the_process_does_not_sync(@TempDir Path dir) {
        try (JdbcJournal db = JdbcJournal.h2(dir.resolve("p"), Durability.PROCESS_CRASH)) {
            db.runJournal().append("r1", java.util.List.of(new dev.chassis.core.journal.JournalEntry(0, "t", "{}", java.time.Instant.EPOCH)));
            assertThat(db.syncsCommits()).isFalse();
        }
        try (JdbcJournal db = JdbcJournal.h2(dir.resolve("q"))) {
            assertThat(db.syncsCommits()).isTrue();
        }
    }

    @Test
    void a_sync_cut_short_by_an_interrupt_does_not_stop_later_syncs(@TempDir Path dir) throws Exception {
        try (JdbcJournal db = JdbcJournal.h2(dir.resolve("i"))) {
            FileForce force = FileForce.forH2(JdbcJournal.h2Url(dir.resolve("i"))).orElseThrow();
            Thread.currentThread().interrupt();
            force.force();   // NIO closes a channel whose thread is interrupted during the sync
            assertThat(Thread.interrupted()).isTrue();
            assertThat(force.open()).isFalse();
            force.force();
            assertThat(force.open()).as("the next sync opened the file again").isTrue();
            force.close();
            force.force();
            assertThat(force.open()).as("a closed forcer stays closed").isFalse();
        }
    }
}
