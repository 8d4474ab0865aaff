package dev.chassis.store;

import dev.chassis.core.journal.JournalException;
import dev.chassis.core.journal.JournalUnavailableException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A journal's connections to its database, and whether the database takes writes. A fault of the store
 * (a full disk, a read-only folder, a database gone away; not a bad statement) marks it down: every
 * connection is dropped, because embedded H2 closes a database whose file it could not write and opens
 * it again only once all of its connections are closed; appends then fail at once; and a prober
 * reopens the database and tries a write every so often until one succeeds. The change is logged and
 * told to the listeners both ways. Thread-safe.
 */
final class Connections implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Connections.class);
    /** How long closing waits for the writes under way. */
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

    /** A write that proves the database takes writes again; commits, or throws. */
    @FunctionalInterface
    interface Probe {
        void write(Connection c) throws SQLException;
    }

    /** Opens a connection: the driver manager at a URL, or the application's own {@code DataSource}. */
    @FunctionalInterface
    interface Connector {
        Connection connect() throws SQLException;
    }

    record Pooled(Connection connection, long generation) {
    }

    private final String url;
    private final Connector connector;
    private final Probe probe;
    private final Duration probeEvery;
    private final Clock clock;
    private final Semaphore permits;
    private final int size;
    private final ConcurrentLinkedQueue<Pooled> idle = new ConcurrentLinkedQueue<>();
    private final AtomicLong generation = new AtomicLong();
    private final List<Consumer<StoreHealth>> listeners = new CopyOnWriteArrayList<>();
    private final ReentrantLock healthLock = new ReentrantLock();
    private volatile StoreHealth health;
    private volatile boolean closed;
    private Thread prober;   // guarded by healthLock; alive while the store is down

    Connections(String url, int size, Probe probe, Duration probeEvery, Clock clock) {
        this(url, () -> DriverManager.getConnection(url), size, probe, probeEvery, clock);
    }

    /** Connections from {@code connector}; {@code url} names the database in messages and tells embedded H2 from a server. */
    Connections(String url, Connector connector, int size, Probe probe, Duration probeEvery, Clock clock) {
        this.url = url;
        this.connector = connector;
        this.probe = probe;
        this.probeEvery = probeEvery;
        this.clock = clock;
        this.permits = new Semaphore(size);
        this.size = size;
        this.health = StoreHealth.up(clock.instant());
    }

    StoreHealth health() {
        return health;
    }

    void onChange(Consumer<StoreHealth> listener) {
        listeners.add(listener);
    }

    /** Writes the probe now: at open, so a database that cannot be written is known before the first append. */
    void check() {
        Pooled p = take();
        try {
            probe.write(p.connection());
        } catch (SQLException | RuntimeException e) {
            rollback(p.connection());
            throw failed("cannot write to the journal database " + JdbcJournal.redact(url), e);
        } finally {
            give(p);
        }
    }

    /** A connection for an append: refused at once while the store is down (the prober finds out when it is back). */
    Pooled takeForWrite(String what) {
        StoreHealth h = health;
        if (!h.up()) {
            throw new JournalUnavailableException(what + ": " + h.problem().orElseThrow(), h.problem().orElseThrow(), null);
        }
        return take();
    }

    /** A connection; give it back with {@link #give}. */
    Pooled take() {
        if (closed) {
            // a connection now would open embedded H2 again and write into a folder its owner has let go
            throw new JournalException("the journal database " + JdbcJournal.redact(url) + " is closed");
        }
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JournalException("interrupted while waiting for a database connection", e);
        }
        try {
            long gen = generation.get();
            for (Pooled p = idle.poll(); p != null; p = idle.poll()) {
                if (p.generation() == gen && usable(p.connection())) {
                    return p;
                }
                close(p);
            }
            return new Pooled(connect(), gen);
        } catch (RuntimeException e) {
            permits.release();
            throw e;
        }
    }

    void give(Pooled p) {
        if (closed || p.generation() != generation.get()) {
            close(p);
        } else {
            idle.offer(p);
        }
        permits.release();
    }

    /**
     * What to throw for a failure of {@code what}: a store fault marks the store down and becomes a
     * {@link JournalUnavailableException}; anything else (a bad statement, a wrong sequence) stays as it is.
     */
    JournalException failed(String what, Throwable e) {
        return failed(what, e, null);
    }

    /** As {@link #failed(String, Throwable)} for a failure on {@code on}: one opened before the store last reopened is no news. */
    JournalException failed(String what, Throwable e, Pooled on) {
        if (e instanceof JournalException je) {
            return je;
        }
        Optional<String> fault = fault(e, url);
        if (fault.isEmpty()) {
            return new JournalException(what + ": " + JdbcJournal.rootMessage(e), e);
        }
        if (on == null || on.generation() == generation.get()) {
            down(fault.get(), e);
        }
        return new JournalUnavailableException(what + ": " + fault.get() + " (" + detail(e) + ")", fault.get(), e);
    }

    private void down(String problem, Throwable e) {
        boolean news;
        healthLock.lock();
        try {
            dropAll();
            StoreHealth h = health;
            news = h.up() || !h.problem().orElseThrow().equals(problem);
            if (news) {
                health = StoreHealth.down(problem, h.up() ? clock.instant() : h.since());
            }
            if (prober == null && !closed) {
                prober = Thread.ofVirtual().name("journal-prober").start(this::probeUntilUp);
            }
        } finally {
            healthLock.unlock();
        }
        if (news) {
            LOG.error("the journal database {} cannot be written: {} ({}); appends are refused until it recovers, tried every {} ms",
                    JdbcJournal.redact(url), problem, detail(e), probeEvery.toMillis());
            tell(health);
        }
    }

    private void probeUntilUp() {
        while (!closed) {
            try {
                Thread.sleep(probeEvery);
            } catch (InterruptedException e) {
                return;
            }
            dropAll();   // reopen: a database that failed a write stays closed until every connection to it is gone
            Pooled p = null;
            try {
                p = take();
                probe.write(p.connection());
            } catch (SQLException | RuntimeException e) {
                if (p != null) {
                    rollback(p.connection());
                }
                down(fault(e, url).orElse("the database failed: " + JdbcJournal.rootMessage(e)), e);
                continue;
            } finally {
                if (p != null) {
                    give(p);
                }
            }
            StoreHealth was;
            healthLock.lock();
            try {
                was = health;
                health = StoreHealth.up(clock.instant());
                prober = null;
            } finally {
                healthLock.unlock();
            }
            LOG.warn("the journal database {} takes writes again; it could not for {} s: {}", JdbcJournal.redact(url),
                    was.lasted(clock.instant()).toSeconds(), was.problem().orElse("no problem"));
            tell(health);
            return;
        }
    }

    private void tell(StoreHealth h) {
        for (Consumer<StoreHealth> l : listeners) {
            try {
                l.accept(h);
            } catch (RuntimeException e) {
                LOG.warn("a listener of the journal's health failed: {}", e.toString());
            }
        }
    }

    /** Drops every idle connection and marks those in use as stale, so they are closed when given back. */
    private void dropAll() {
        generation.incrementAndGet();
        for (Pooled p = idle.poll(); p != null; p = idle.poll()) {
            close(p);
        }
    }

    /** The store fault behind {@code e} in plain words, or empty when it is not one (a statement the database refused, a bug). */
    static Optional<String> fault(Throwable e, String url) {
        Optional<String> known = StoreFaults.known(e, url.startsWith("jdbc:h2:"));
        if (known.isPresent() || !StoreFaults.fromStorage(e)) {
            return known;
        }
        return Optional.of("the database failed: " + detail(e));
    }

    /** The first line of the deepest cause's message: H2 appends the whole statement on further lines. */
    private static String detail(Throwable e) {
        return JdbcJournal.rootMessage(e).lines().findFirst().orElse("").strip();
    }

    private Connection connect() {
        try {
            Connection c = connector.connect();
            c.setAutoCommit(false);
            return c;
        } catch (SQLException e) {
            throw failed("cannot connect to " + JdbcJournal.redact(url), e);
        }
    }

    private static boolean usable(Connection c) {
        try {
            return !c.isClosed() && c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    static void rollback(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // The connection is broken; it is replaced when given back after a fault.
        }
    }

    private static void close(Pooled p) {
        try {
            p.connection().close();
        } catch (SQLException ignored) {
            // closing anyway
        }
    }

    @Override
    public void close() {
        closed = true;
        healthLock.lock();
        try {
            if (prober != null) {
                prober.interrupt();
            }
        } finally {
            healthLock.unlock();
        }
        // A write under way finishes and gives its connection back (closed then), so the database is shut when this returns.
        try {
            if (!permits.tryAcquire(size, CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("the journal database {} closed while a write was still under way after {} s", JdbcJournal.redact(url),
                        CLOSE_WAIT.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        dropAll();
    }
}
