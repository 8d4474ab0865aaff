package dev.chassis.store;

import dev.chassis.core.journal.Journal;
import dev.chassis.core.journal.JournalEntry;
import dev.chassis.core.journal.JournalException;
import dev.chassis.core.journal.JournalUnavailableException;
import dev.chassis.core.journal.Records;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Session and run journals in a database: embedded H2 by default, PostgreSQL by URL. An append is one
 * transaction, committed and on the device before it returns (on H2: written with {@code WRITE_DELAY=0},
 * then the file is synced, see {@link FileForce}; {@link Durability#PROCESS_CRASH} skips the sync); sequence numbers are checked, so a stream never has a gap or a duplicate. The schema is
 * migrated by Flyway on open. Thread-safe; holds a few connections; close it.
 *
 * <p>A store fault (a full disk, a read-only folder, a database gone away) makes the call that met it,
 * and every append after it, throw a {@link JournalUnavailableException} saying why in plain words; the
 * journal is then {@linkplain #health() down}, reopens the database every {@link #PROBE_EVERY} and is up
 * again after the first write that succeeds. Nothing that was acknowledged is lost on the way, and
 * nothing is acknowledged that was not written. {@link #onHealthChange} tells of each change.
 *
 * <pre>{@code
 * try (JdbcJournal db = JdbcJournal.h2(Path.of(".chassis/chassis"))) {
 *     WorkHarness work = WorkHarness.builder().journal(db.runJournal())...;
 *     TalkHarness talk = TalkHarness.builder().journal(db.sessionJournal())...;
 * }
 * JdbcJournal pg = JdbcJournal.open("jdbc:postgresql://127.0.0.1:5432/chassis?user=chassis");
 * }</pre>
 */
public final class JdbcJournal implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcJournal.class);
    private static final String SESSION = "session";
    private static final String RUN = "run";
    private static final int POOL = 4;
    private static final String PROBE_KIND = "chassis-probe";

    /** How often a journal whose database failed tries to reopen it. */
    public static final Duration PROBE_EVERY = Duration.ofSeconds(1);

    private final String url;
    private final Connections connections;
    private final Map<String, Object> streamLocks = new ConcurrentHashMap<>();
    private final Map<String, Long> next = new ConcurrentHashMap<>();

    // Embedded H2 only: syncs each commit to the device (H2 itself leaves it in the OS cache).
    private final Optional<FileForce> force;
    private final JdbcRecords records;

    private JdbcJournal(String url, Connections.Connector connector, Durability durability) {
        this.url = url;
        this.force = durability == Durability.POWER_LOSS ? FileForce.forH2(url) : Optional.empty();
        this.connections = new Connections(url, connector, POOL, this::probe, PROBE_EVERY, Clock.systemUTC());
        this.records = new JdbcRecords(connections, force);
    }

    /**
     * An embedded H2 database in the file {@code base} (H2 adds {@code .mv.db}), with the settings that
     * keep committed entries after a crash ({@code WRITE_DELAY=0}; H2's default delays writes and loses them)
     * and no background compaction ({@code AUTO_COMPACT_FILL_RATE=0}): a journal only appends, so there is
     * little to reclaim, and the rewriting was what made the slowest commits slow (p99 about 3 ms, under 2 ms
     * without; docs/BENCHMARKS.md).
     */
    public static JdbcJournal h2(Path base) {
        return open(h2Url(base));
    }

    /** As {@link #h2(Path)}, with commits that survive only what {@code durability} names. */
    public static JdbcJournal h2(Path base, Durability durability) {
        return open(h2Url(base), durability);
    }

    /**
     * The JDBC URL {@link #h2(Path)} opens. {@code RETENTION_TIME} keeps the space of old chunks for ten minutes
     * (H2's default is 45 s) before it is written over: with the default, a process started after a crash wrote
     * over chunks that the next recovery still needed, and a second kill lost commits it had acknowledged (11 of
     * 30 rounds of kill and restart under a bursty load; none in 36 rounds with ten minutes; the talk kill test
     * in chassis-server lost confirmed turns the same way). The file keeps up to ten minutes of dead chunks.
     */
    public static String h2Url(Path base) {
        return "jdbc:h2:file:" + base.toAbsolutePath() + ";WRITE_DELAY=0;AUTO_COMPACT_FILL_RATE=0;RETENTION_TIME=600000;DB_CLOSE_ON_EXIT=FALSE";
    }

    /**
     * A journal at a JDBC URL (H2 or PostgreSQL; user and password may be in the URL), migrated on open.
     *
     * @throws JournalException when the database cannot be reached or migrated; the message says which
     */
    public static JdbcJournal open(String url) {
        return open(url, Durability.POWER_LOSS);
    }

    /**
     * A journal at a JDBC URL whose commits survive what {@code durability} names (it matters for
     * embedded H2 only).
     */
    public static JdbcJournal open(String url, Durability durability) {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(durability, "durability");
        return start(url, () -> DriverManager.getConnection(url), durability, Flyway.configure().dataSource(url, null, null));
    }

    /**
     * A journal in the application's own database (a pool it configured: PostgreSQL, H2 or another that Flyway
     * migrates), migrated on open; its tables are prefixed {@code chassis_}, its migration history is
     * {@code chassis_schema_history}, so they sit beside the application's tables. The journal borrows a few
     * connections and gives them back on {@link #close()}; the pool stays the application's.
     *
     * @throws JournalException when the database cannot be reached or migrated, or is embedded H2 in a file
     *                          without {@code WRITE_DELAY=0}
     */
    public static JdbcJournal open(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        String url;
        try (Connection c = dataSource.getConnection()) {
            url = String.valueOf(c.getMetaData().getURL());
            if (url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:mem:")) {
                // the pool's URL may lack it: a database-wide setting, in force while the database is open
                try (var st = c.createStatement()) {
                    st.execute("SET WRITE_DELAY 0");
                }
                url = url + ";WRITE_DELAY=0";
            }
        } catch (SQLException e) {
            throw new JournalException("cannot open the journal database: " + rootMessage(e), e);
        }
        if (url.startsWith("jdbc:h2:mem:")) {
            LOG.warn("the journal is in an in-memory database ({}): every session and run is lost when the application stops",
                    redact(url));
        }
        // the application's tables may be there first: Chassis's history starts below its first migration, so all of them run
        return start(url, dataSource::getConnection, Durability.POWER_LOSS,
                Flyway.configure().dataSource(dataSource).baselineOnMigrate(true).baselineVersion("0"));
    }

    private static JdbcJournal start(String url, Connections.Connector connector, Durability durability,
            org.flywaydb.core.api.configuration.FluentConfiguration flyway) {
        if (url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:mem:")
                && !url.toUpperCase(java.util.Locale.ROOT).contains("WRITE_DELAY=0")) {
            throw new JournalException("an H2 journal must use WRITE_DELAY=0, or committed entries are lost on a crash: " + redact(url));
        }
        try {
            flyway.locations("classpath:db/chassis").table("chassis_schema_history").load().migrate();
        } catch (RuntimeException e) {
            throw new JournalException("cannot open the journal database " + redact(url) + ": " + rootMessage(e), e);
        }
        JdbcJournal j = new JdbcJournal(url, connector, durability);
        try {
            j.connections.check();
        } catch (JournalUnavailableException e) {
            // opened, but cannot be written now: the journal starts down (logged) and watches for the store's recovery
        } catch (RuntimeException e) {
            j.close();
            throw e;
        }
        return j;
    }

    /** Whether the database takes writes now; see the class comment. */
    public StoreHealth health() {
        return connections.health();
    }

    /**
     * Tells {@code listener} of every change of {@link #health()}, on the thread that noticed it (one that met
     * the fault, or the prober that saw the recovery). A listener must be quick and must not call back into this journal.
     */
    public void onHealthChange(Consumer<StoreHealth> listener) {
        connections.onChange(Objects.requireNonNull(listener, "listener"));
    }

    /** Whether each commit is also synced to the device by this journal (embedded H2 with {@link Durability#POWER_LOSS}). */
    boolean syncsCommits() {
        return force.isPresent();
    }

    /** The talk sessions' journal in this database. */
    public Journal sessionJournal() {
        return new Streams(SESSION);
    }

    /** The work runs' journal in this database. */
    public Journal runJournal() {
        return new Streams(RUN);
    }

    /** The streams of one kind (sessions or runs) in the shared table. Closing it leaves the database open. */
    private final class Streams implements Journal {
        private final String kind;

        Streams(String kind) {
            this.kind = kind;
        }

        @Override
        public void append(String stream, List<JournalEntry> entries) {
            JdbcJournal.this.append(kind, stream, entries);
        }

        @Override
        public List<JournalEntry> read(String stream) {
            return JdbcJournal.this.read(kind, stream);
        }

        @Override
        public List<String> streams() {
            return JdbcJournal.this.streams(kind);
        }
    }

    private void append(String kind, String id, List<JournalEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        String stream = kind + "/" + id;
        synchronized (streamLocks.computeIfAbsent(stream, k -> new Object())) {
            Connections.Pooled p = connections.takeForWrite("cannot append to " + kind + " " + id);
            Connection c = p.connection();
            try {
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO chassis_journal (stream_kind, stream_id, seq, entry_type, payload, at_time) VALUES (?, ?, ?, ?, ?, ?)")) {
                    Long known = next.get(stream);
                    // a stream another process appended to since (a session taken over by another server node) is read again
                    long expected = known != null && known == entries.getFirst().sequence() ? known : maxSeq(c, kind, id) + 1;
                    for (JournalEntry e : entries) {
                        if (e.sequence() != expected) {
                            throw new JournalException(kind + " " + id + ": expected entry " + expected + ", got " + e.sequence());
                        }
                        expected++;
                        ps.setString(1, kind);
                        ps.setString(2, id);
                        ps.setLong(3, e.sequence());
                        ps.setString(4, e.type());
                        ps.setString(5, e.payload());
                        ps.setString(6, e.at().toString());
                        ps.addBatch();
                    }
                    ps.executeBatch();
                    c.commit();
                    next.put(stream, expected);
                    force.ifPresent(FileForce::force);
                } catch (SQLException | RuntimeException e) {
                    Connections.rollback(c);
                    next.remove(stream);
                    throw connections.failed("cannot append to " + kind + " " + id, e, p);
                }
            } finally {
                connections.give(p);
            }
        }
    }

    private List<JournalEntry> read(String kind, String id) {
        Connections.Pooled p = connections.take();
        Connection c = p.connection();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT seq, entry_type, payload, at_time FROM chassis_journal WHERE stream_kind = ? AND stream_id = ? ORDER BY seq")) {
            ps.setString(1, kind);
            ps.setString(2, id);
            List<JournalEntry> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new JournalEntry(rs.getLong(1), rs.getString(2), rs.getString(3), Instant.parse(rs.getString(4))));
                }
            }
            c.commit();
            return out;
        } catch (SQLException | RuntimeException e) {
            Connections.rollback(c);
            throw connections.failed("cannot read " + kind + " " + id, e, p);
        } finally {
            connections.give(p);
        }
    }

    /** The session leases in this database, on this machine's clock (see {@link Leases}). */
    public Leases leases() {
        return new Leases(connections, Clock.systemUTC());
    }

    /** Small documents kept in this database beside the journals (see {@link Records}). */
    public Records records() {
        return records;
    }

    /** The write that tells whether the database takes writes: one small record, committed and synced like an append. */
    private void probe(Connection c) throws SQLException {
        JdbcRecords.upsert(c, PROBE_KIND, "last-write", Instant.now().toString());
        c.commit();
        force.ifPresent(FileForce::force);
    }

    private List<String> streams(String kind) {
        Connections.Pooled p = connections.take();
        Connection c = p.connection();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT stream_id, MIN(at_time) FROM chassis_journal WHERE stream_kind = ? GROUP BY stream_id ORDER BY MIN(at_time), stream_id")) {
            ps.setString(1, kind);
            List<String> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            c.commit();
            return out;
        } catch (SQLException | RuntimeException e) {
            Connections.rollback(c);
            throw connections.failed("cannot list " + kind + "s", e, p);
        } finally {
            connections.give(p);
        }
    }

    private static long maxSeq(Connection c, String kind, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT MAX(seq) FROM chassis_journal WHERE stream_kind = ? AND stream_id = ?")) {
            ps.setString(1, kind);
            ps.setString(2, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long max = rs.getLong(1);
                return rs.wasNull() ? -1 : max;
            }
        }
    }

    /** Closes the connections. */
    @Override
    public void close() {
        connections.close();
        force.ifPresent(FileForce::close);
    }

    /** The URL without a password, for messages. */
    static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
