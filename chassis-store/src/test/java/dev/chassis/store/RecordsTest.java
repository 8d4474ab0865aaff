package dev.chassis.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chassis.core.journal.Records;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Records beside the journals: written whole, replaced, read back after a reopen; H2 always, PostgreSQL when configured, and files. */
class RecordsTest {

    @Test
    void records_are_replaced_whole_and_survive_a_reopen(@TempDir Path dir) {
        for (String url : Databases.urls(dir)) {
            String kind = "k" + UUID.randomUUID().toString().substring(0, 8);
            try (JdbcJournal db = JdbcJournal.open(url)) {
                db.records().put(kind, "a", "{\"v\": 1}");
                db.records().put(kind, "b", "ünïcødé ✓");
                db.records().put(kind, "a", "{\"v\": 2}");
            }
            try (JdbcJournal db = JdbcJournal.open(url)) {
                assertThat(db.records().all(kind)).as(url).containsExactly(java.util.Map.entry("a", "{\"v\": 2}"), java.util.Map.entry("b", "ünïcødé ✓"));
                assertThat(db.records().all("nothing-" + kind)).isEmpty();
            }
        }
        Records files = Records.files(dir.resolve("files"));
        files.put("study", "s1", "x");
        files.put("study", "s1", "y");
        assertThat(Records.files(dir.resolve("files")).all("study")).containsExactly(java.util.Map.entry("s1", "y"));
    }
}
