package dev.chassis.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chassis.core.journal.JournalException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Closing the store shuts the database for good: a write under way finishes first, and nothing opens embedded H2
 * again afterwards. A late write (a socket closing after its server stopped) once reopened the database and wrote
 * into a data folder its owner had already let go.
 */
class ConnectionsCloseTest {

    @Test
    void close_waits_for_the_write_under_way_and_refuses_any_after(@TempDir Path dir) throws Exception {
        String url = JdbcJournal.h2Url(dir.resolve("db"));
        Connections connections = new Connections(url, 2, c -> { }, Duration.ofSeconds(1), Clock.systemUTC());
        Connections.Pooled inUse = connections.take();
        inUse.connection().createStatement().execute("CREATE TABLE t (n INT)");

        Thread closing = Thread.ofVirtual().start(connections::close);
        closing.join(Duration.ofMillis(300));
        assertThat(closing.isAlive()).as("close waits while a connection is out").isTrue();

        inUse.connection().createStatement().execute("INSERT INTO t VALUES (1)");
        inUse.connection().commit();
        connections.give(inUse);
        closing.join(Duration.ofSeconds(30));
        assertThat(closing.isAlive()).as("close returns once the write gave its connection back").isFalse();
        assertThat(inUse.connection().isClosed()).isTrue();

        assertThatThrownBy(connections::take).isInstanceOf(JournalException.class).hasMessageContaining("is closed");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).as("nothing but the database file is left open or made")
                    .allMatch(n -> n.startsWith("db.") && !n.endsWith(".tempFile"));
        }
    }
}
