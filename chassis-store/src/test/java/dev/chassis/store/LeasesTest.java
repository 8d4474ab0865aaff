package dev.chassis.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Session leases: one holder at a time, renewed by it, taken over only once lapsed, given up on release; two journals on
 * one database stand for two server nodes. H2 always, PostgreSQL when configured. Records kept once by the first writer.
 */
class LeasesTest {

    private static final Duration LONG = Duration.ofMinutes(5);

    @Test
    void one_node_holds_a_lease_until_it_lapses_or_is_given_up(@TempDir Path dir) throws Exception {
        for (String url : Databases.urls(dir)) {
            String s = "s-" + UUID.randomUUID();
            try (JdbcJournal a = JdbcJournal.open(url); JdbcJournal b = JdbcJournal.open(url)) {
                assertThat(a.leases().take(s, "a", LONG)).as(url).isTrue();
                assertThat(b.leases().take(s, "b", LONG)).as("held by a").isFalse();
                assertThat(a.leases().take(s, "a", LONG)).as("a renews its own").isTrue();
                assertThat(b.leases().holder(s)).map(Leases.Holder::node).contains("a");
                assertThat(a.leases().renewAll("a", LONG)).contains(s);
                assertThat(b.leases().renewAll("b", LONG)).doesNotContain(s);

                b.leases().release(s, "b");   // not b's: nothing happens
                assertThat(b.leases().take(s, "b", LONG)).isFalse();
                a.leases().release(s, "a");
                assertThat(b.leases().holder(s)).isEmpty();
                assertThat(b.leases().take(s, "b", LONG)).as("given up: taken at once").isTrue();

                String t = "t-" + UUID.randomUUID();
                // 2 s: long enough that a loaded machine does not let it lapse between these two statements
                assertThat(a.leases().take(t, "a", Duration.ofSeconds(2))).isTrue();
                assertThat(b.leases().take(t, "b", LONG)).isFalse();
                long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (!b.leases().take(t, "b", LONG)) {
                    assertThat(System.nanoTime()).as("lapsed lease taken over").isLessThan(until);
                    Thread.sleep(50);
                }
                assertThat(a.leases().renewAll("a", LONG)).as("a lost it").doesNotContain(t);
                assertThat(a.leases().take(t, "a", LONG)).isFalse();
            }
        }
    }

    @Test
    void of_many_nodes_taking_one_lease_at_once_exactly_one_gets_it(@TempDir Path dir) throws Exception {
        for (String url : Databases.urls(dir)) {
            String s = "race-" + UUID.randomUUID();
            try (JdbcJournal db = JdbcJournal.open(url); ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Callable<Boolean>> takers = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    String node = "n" + i;
                    takers.add(() -> db.leases().take(s, node, LONG));
                }
                int won = 0;
                for (Future<Boolean> f : pool.invokeAll(takers)) {
                    won += f.get() ? 1 : 0;
                }
                assertThat(won).as(url).isEqualTo(1);

                String kind = "k" + UUID.randomUUID().toString().substring(0, 8);
                assertThat(db.records().putIfAbsent(kind, "x", "first")).isEqualTo("first");
                assertThat(db.records().putIfAbsent(kind, "x", "second")).as("the first writer's is kept").isEqualTo("first");
                assertThat(db.records().get(kind, "x")).contains("first");
                assertThat(db.records().get(kind, "y")).isEmpty();
            }
        }
    }

    @Test
    void a_journal_appends_after_another_process_appended_to_the_same_stream(@TempDir Path dir) {
        for (String url : Databases.urls(dir)) {
            String id = "moved-" + UUID.randomUUID();
            try (JdbcJournal a = JdbcJournal.open(url); JdbcJournal b = JdbcJournal.open(url)) {
                a.sessionJournal().append(id, List.of(entry(0)));
                b.sessionJournal().append(id, List.of(entry(1)));   // the session moved to another node
                a.sessionJournal().append(id, List.of(entry(2)));   // and back: a's count of the stream is stale, read again
                assertThat(b.sessionJournal().read(id)).extracting(dev.chassis.core.journal.JournalEntry::sequence).as(url).containsExactly(0L, 1L, 2L);
            }
        }
    }

    private static dev.chassis.core.journal.JournalEntry entry(long seq) {
        return new dev.chassis.core.journal.JournalEntry(seq, "t", "{}", java.time.Instant.now());
    }
}
