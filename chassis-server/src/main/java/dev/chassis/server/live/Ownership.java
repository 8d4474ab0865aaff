package dev.chassis.server.live;

import dev.chassis.core.journal.JournalException;
import dev.chassis.core.journal.JournalUnavailableException;
import dev.chassis.store.Leases;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which sessions this server node answers, among the nodes sharing one database: a node takes a session's lease
 * ({@link Leases}) when a participant connects and again before each answer, renews all it holds every third of the
 * lease, and gives a session up when it lets the interview go. A session another node took meanwhile (this node was
 * stalled past its lease) is reported lost, and this node stops answering it. The only server on its database (embedded
 * H2) holds every session without asking it. Thread-safe.
 */
final class Ownership implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Ownership.class);

    /** Whether this node may answer a session. */
    enum Claim {
        /** This node holds the lease. */
        HELD,
        /** Another node holds it and it has not lapsed. */
        ELSEWHERE,
        /** The database cannot be asked now: the store fault is said elsewhere, and the journal's sequence still keeps two writers apart. */
        UNKNOWN
    }

    private final Leases leases;   // null for the only server on its database
    private final String node;
    private final Duration ttl;
    private final Consumer<String> lost;
    /** The sessions this node took, as far as it knows; a renewal corrects it. */
    private final Set<String> mine = ConcurrentHashMap.newKeySet();
    /** Takes share it; a renewal's look at what is held excludes them, so a lease taken meanwhile is never counted lost. */
    private final ReadWriteLock renewal = new ReentrantReadWriteLock();
    private final ScheduledExecutorService renewer;   // null for the only server
    private volatile boolean halted;

    /**
     * @param leases the shared database's leases; empty for the only server on its database
     * @param lost   told of each session another node took from this one (it must stop answering it)
     */
    Ownership(java.util.Optional<Leases> leases, String node, Duration ttl, Consumer<String> lost) {
        this.leases = leases.orElse(null);
        this.node = node;
        this.ttl = ttl;
        this.lost = lost;
        if (this.leases == null) {
            this.renewer = null;
            return;
        }
        this.renewer = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("lease-renewal").factory());
        long every = Math.max(100, ttl.toMillis() / 3);
        renewer.scheduleWithFixedDelay(this::renew, every, every, TimeUnit.MILLISECONDS);
    }

    String node() {
        return node;
    }

    /** The sessions this node holds. */
    int held() {
        return mine.size();
    }

    /** Takes or renews the lease of {@code session}. */
    Claim claim(String session) {
        if (halted) {
            return Claim.ELSEWHERE;
        }
        if (leases == null) {
            mine.add(session);
            return Claim.HELD;
        }
        renewal.readLock().lock();
        try {
            if (leases.take(session, node, ttl)) {
                mine.add(session);
                return Claim.HELD;
            }
            mine.remove(session);
            return Claim.ELSEWHERE;
        } catch (JournalUnavailableException e) {
            return Claim.UNKNOWN;
        } finally {
            renewal.readLock().unlock();
        }
    }

    /** Gives {@code session} up, so another node may take it at once; a failure leaves it to lapse. */
    void release(String session) {
        if (halted || !mine.remove(session) || leases == null) {
            return;
        }
        renewal.readLock().lock();
        try {
            leases.release(session, node);
        } catch (JournalException e) {
            LOG.warn("the lease of session {} could not be given up ({}); it lapses in {} s", session, e.getMessage(), ttl.toSeconds());
        } finally {
            renewal.readLock().unlock();
        }
    }

    /** Renews every lease this node holds; what another node took is lost, what this node holds without knowing is given up. */
    private void renew() {
        if (halted) {
            return;
        }
        renewal.writeLock().lock();
        try {
            Set<String> held = leases.renewAll(node, ttl);
            for (String s : Set.copyOf(mine)) {
                if (!held.contains(s) && mine.remove(s)) {
                    LOG.warn("session {} was taken over by another node; this node ({}) stops answering it", s, node);
                    lost.accept(s);
                }
            }
            for (String s : held) {
                if (!mine.contains(s)) {
                    leases.release(s, node);   // a release that failed earlier
                }
            }
        } catch (RuntimeException e) {
            // the database cannot be reached: its check says so; the leases lapse if this lasts, and answers wait for the store
            LOG.debug("lease renewal failed: {}", e.getMessage());
        } finally {
            renewal.writeLock().unlock();
        }
    }

    /** Stops renewing and releasing, as a node that died would: its leases lapse and other nodes take them over. */
    void halt() {
        halted = true;
        close();
    }

    @Override
    public void close() {
        if (renewer == null) {
            return;
        }
        renewer.shutdownNow();
        try {
            renewer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
