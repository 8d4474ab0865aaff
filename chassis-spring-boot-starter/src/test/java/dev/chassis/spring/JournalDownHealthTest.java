package dev.chassis.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chassis.core.journal.JournalEntry;
import dev.chassis.core.journal.JournalUnavailableException;
import dev.chassis.store.JdbcJournal;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The application's database goes away under the journal: the write that meets it fails, health says DOWN and
 * why, and once the database is back the journal's probe finds it and health is UP again.
 */
@SpringBootTest(classes = {StarterApp.class, JournalDownHealthTest.Database.class})
class JournalDownHealthTest {

    /** Set: every statement on every connection fails as a database that cannot be reached does (SQL state 08006). */
    static final AtomicBoolean GONE = new AtomicBoolean();

    @TestConfiguration
    static class Database {
        @Bean
        DataSource dataSource() {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL("jdbc:h2:mem:journal-down;DB_CLOSE_DELAY=-1");
            return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                    (proxy, method, args) -> method.getName().equals("getConnection") ? unreliable(h2.getConnection()) : invoke(h2, method, args));
        }

        private static Connection unreliable(Connection c) throws SQLException {
            if (GONE.get()) {
                throw new SQLException("Connection refused", "08001");
            }
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                    (proxy, method, args) -> {
                        if (GONE.get() && !method.getName().equals("close") && !method.getName().equals("rollback")) {
                            throw new SQLException("An I/O error occurred while sending to the backend: connection reset", "08006");
                        }
                        return invoke(c, method, args);
                    });
        }

        private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }

    @Autowired JdbcJournal journal;
    @Autowired HealthEndpoint health;

    @Test
    void health_goes_down_when_the_journal_cannot_write_and_up_again_when_it_can() throws Exception {
        var sessions = journal.sessionJournal();
        sessions.append("s-1", List.of(new JournalEntry(0, "said", "{}", Instant.now())));
        assertThat(health.healthForPath("chassis").getStatus()).isEqualTo(Status.UP);

        GONE.set(true);
        try {
            assertThatThrownBy(() -> sessions.append("s-1", List.of(new JournalEntry(1, "said", "{}", Instant.now()))))
                    .isInstanceOf(JournalUnavailableException.class);
            Health down = (Health) health.healthForPath("chassis");
            assertThat(down.getStatus()).isEqualTo(Status.DOWN);
            assertThat(down.getDetails()).containsEntry("journal", "cannot be written: the database cannot be reached");
        } finally {
            GONE.set(false);
        }

        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (health.healthForPath("chassis").getStatus() != Status.UP && System.nanoTime() < until) {
            Thread.sleep(50);
        }
        assertThat(health.healthForPath("chassis").getStatus()).isEqualTo(Status.UP);
        sessions.append("s-1", List.of(new JournalEntry(1, "said", "{}", Instant.now())));
        assertThat(sessions.read("s-1")).hasSize(2);
    }
}
