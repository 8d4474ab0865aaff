package dev.chassis.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chassis.core.journal.Journal;
import dev.chassis.core.journal.JournalEntry;
import dev.chassis.core.journal.JournalException;
import dev.chassis.core.journal.JournalUnavailableException;
import dev.chassis.testkit.disk.SmallDisk;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Storage faults are loud and recoverable: a full disk and a read-only folder make appends fail with the
 * reason in plain words and turn the journal's health down, and back up once the store recovers; a
 * database that drops its connections is reconnected; nothing acknowledged is lost.
 */
class StoreFaultsTest {

    private static final long DISK = 4L << 20;

    private static JournalEntry entry(long seq) {
        return new JournalEntry(seq, "T", "{\"n\":" + seq + ",\"text\":\"" + "x".repeat(200) + "\"}", Instant.parse("2026-12-01T10:00:00Z"));
    }

    /** Appends the next entry; true when acknowledged. */
    private static boolean tryAppend(Journal j, String id, List<Long> acknowledged) {
        long seq = acknowledged.size();
        try {
            j.append(id, List.of(entry(seq)));
            acknowledged.add(seq);
            return true;
        } catch (JournalUnavailableException e) {
            return false;
        }
    }

    private static SmallDisk disk(Path dir) {
        Optional<SmallDisk> d = SmallDisk.mount(dir.resolve("disk"), DISK);
        Assumptions.assumeTrue(d.isPresent(), SmallDisk::whyNot);
        return d.get();
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting until " + what).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    @Test
    void a_full_disk_refuses_appends_in_plain_words_and_the_journal_reopens_when_space_returns(@TempDir Path dir) throws Exception {
        try (SmallDisk disk = disk(dir)) {
            List<Long> acknowledged = new ArrayList<>();
            List<StoreHealth> changes = new CopyOnWriteArrayList<>();
            try (JdbcJournal db = JdbcJournal.h2(disk.dir().resolve("chassis"))) {
                db.onHealthChange(changes::add);
                Journal j = db.sessionJournal();
                for (int i = 0; i < 20; i++) {
                    assertThat(tryAppend(j, "s1", acknowledged)).isTrue();
                }
                disk.fill();
                // H2 may still fit a commit or two into its file's slack; the next ones fail
                for (int i = 0; i < 50 && db.health().up(); i++) {
                    tryAppend(j, "s1", acknowledged);
                }
                assertThat(db.health().up()).isFalse();
                assertThat(db.health().problem()).contains("the disk is full");
                assertThatThrownBy(() -> j.append("s1", List.of(entry(acknowledged.size()))))
                        .isInstanceOf(JournalUnavailableException.class)
                        .hasMessage("cannot append to session s1: the disk is full")
                        .extracting(e -> ((JournalUnavailableException) e).reason()).isEqualTo("the disk is full");
                assertThat(changes).hasSize(1).first().satisfies(h -> assertThat(h.up()).isFalse());

                disk.free();
                await(() -> db.health().up(), "the journal is up again");
                // the prober marks the journal up, then tells the listeners: wait for the telling too
                await(() -> changes.size() >= 2, "the listeners are told");
                assertThat(changes).hasSize(2).last().satisfies(h -> assertThat(h.up()).isTrue());
                for (int i = 0; i < 5; i++) {
                    assertThat(tryAppend(j, "s1", acknowledged)).isTrue();
                }
                assertThat(j.read("s1")).extracting(JournalEntry::sequence).containsExactlyElementsOf(acknowledged);
            }
            try (JdbcJournal again = JdbcJournal.h2(disk.dir().resolve("chassis"))) {
                assertThat(again.sessionJournal().read("s1")).extracting(JournalEntry::sequence).containsExactlyElementsOf(acknowledged);
            }
        }
    }

    @Test
    void a_journal_opened_on_a_read_only_folder_starts_down_and_comes_up_when_the_folder_is_writable(@TempDir Path dir) throws Exception {
        try (SmallDisk disk = disk(dir)) {
            Path base = disk.dir().resolve("chassis");
            try (JdbcJournal db = JdbcJournal.h2(base)) {
                db.sessionJournal().append("s1", List.of(entry(0)));
            }
            disk.readOnly();   // Linux refuses to remount a file system read-only while a file on it is open for writing
            try (JdbcJournal db = JdbcJournal.h2(base)) {
                assertThat(db.health().up()).isFalse();
                assertThat(db.health().problem()).contains("the data folder is read-only");
                assertThat(db.sessionJournal().read("s1")).hasSize(1);
                assertThatThrownBy(() -> db.sessionJournal().append("s1", List.of(entry(1))))
                        .isInstanceOf(JournalUnavailableException.class).hasMessage("cannot append to session s1: the data folder is read-only");
                disk.writable();
                await(() -> db.health().up(), "the journal is up again");
                db.sessionJournal().append("s1", List.of(entry(1)));
                assertThat(db.sessionJournal().read("s1")).hasSize(2);
            }
        }
    }

    @Test
    void a_statement_the_database_refuses_is_not_a_store_fault(@TempDir Path dir) {
        try (JdbcJournal db = JdbcJournal.h2(dir.resolve("chassis"))) {
            db.sessionJournal().append("s1", List.of(entry(0)));
            assertThatThrownBy(() -> db.sessionJournal().append("s1", List.of(entry(3))))
                    .isInstanceOf(JournalException.class).isNotInstanceOf(JournalUnavailableException.class);
            assertThat(db.health().up()).isTrue();
        }
    }

    @Test
    void faults_are_named_in_plain_words_and_refused_statements_are_not_faults() {
        String h2 = "jdbc:h2:file:/x;WRITE_DELAY=0";
        String pg = "jdbc:postgresql://127.0.0.1/x";
        assertThat(Connections.fault(new SQLException("could not extend file", "53100"), pg)).contains("the disk is full");
        assertThat(Connections.fault(new SQLException("cannot execute INSERT in a read-only transaction", "25006"), pg))
                .contains("the database is read-only");
        assertThat(Connections.fault(new SQLException("The database is read only", "90097"), h2)).contains("the data folder is read-only");
        assertThat(Connections.fault(new SQLException("Connection to 127.0.0.1:5432 refused.", "08001"), pg))
                .contains("the database cannot be reached");
        assertThat(Connections.fault(new SQLException("terminating connection due to administrator command", "57P01"), pg))
                .contains("the database failed: terminating connection due to administrator command");
        assertThat(Connections.fault(new SQLException("duplicate key value", "23505"), pg)).isEmpty();
        assertThat(Connections.fault(new SQLException("value too long", "22001"), pg)).isEmpty();
        assertThat(Connections.fault(new IllegalStateException("a bug of ours"), pg)).isEmpty();
    }

    @Test
    void postgres_connections_cut_by_the_server_are_replaced_and_nothing_acknowledged_is_lost() throws Exception {
        Databases.requirePostgres();
        String app = "chassis-fault-" + UUID.randomUUID().toString().substring(0, 8);
        String url = Databases.PG + (Databases.PG.contains("?") ? "&" : "?") + "ApplicationName=" + app;
        String id = "pg-" + UUID.randomUUID();
        List<Long> acknowledged = new ArrayList<>();
        try (JdbcJournal db = JdbcJournal.open(url)) {
            Journal j = db.sessionJournal();
            for (int round = 0; round < 3; round++) {
                assertThat(tryAppend(j, id, acknowledged)).isTrue();
                try (Connection admin = DriverManager.getConnection(Databases.PG)) {
                    admin.createStatement().execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = '" + app + "'");
                }
                // a connection found dead is replaced before use; one cut during a write makes the store down until the prober reconnects
                if (!tryAppend(j, id, acknowledged)) {
                    await(() -> db.health().up(), "the journal has reconnected");
                }
            }
            await(() -> db.health().up(), "the journal is up");
            assertThat(tryAppend(j, id, acknowledged)).isTrue();
            assertThat(j.read(id)).extracting(JournalEntry::sequence).containsExactlyElementsOf(acknowledged);
        }
    }
}
