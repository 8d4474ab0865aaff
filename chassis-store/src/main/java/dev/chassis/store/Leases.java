package dev.chassis.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Leases in the journal's database: which node owns a session now, so that server nodes sharing one database never
 * answer the same session. A lease is held by one node until it expires; its holder renews it, any node may take it
 * once it has lapsed, and the take is one conditional update (the database's row lock decides between two nodes
 * trying at once). Expiry times are on the nodes' clocks, which must agree to well within a lease's length.
 * Thread-safe.
 */
public final class Leases {

    /** Who holds a lease and until when. */
    public record Holder(String node, Instant expires) {
    }

    private final Connections connections;
    private final Clock clock;

    Leases(Connections connections, Clock clock) {
        this.connections = connections;
        this.clock = clock;
    }

    /**
     * Takes {@code id} for {@code node} until {@code ttl} from now, or renews it when {@code node} holds it already.
     *
     * @return false when another node holds it and it has not expired
     * @throws dev.chassis.core.journal.JournalException when the database cannot be reached
     */
    public boolean take(String id, String node, Duration ttl) {
        Objects.requireNonNull(node, "node");
        long now = clock.millis();
        long until = now + ttl.toMillis();
        String what = "cannot take the lease of " + id;
        Connections.Pooled p = connections.takeForWrite(what);
        Connection c = p.connection();
        try {
            int updated;
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE chassis_lease SET owner = ?, expires_at = ? WHERE lease_id = ? AND (owner = ? OR expires_at < ?)")) {
                ps.setString(1, node);
                ps.setLong(2, until);
                ps.setString(3, id);
                ps.setString(4, node);
                ps.setLong(5, now);
                updated = ps.executeUpdate();
            }
            if (updated == 0) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO chassis_lease (lease_id, owner, expires_at) VALUES (?, ?, ?)")) {
                    ps.setString(1, id);
                    ps.setString(2, node);
                    ps.setLong(3, until);
                    ps.executeUpdate();
                } catch (SQLException e) {
                    if (taken(e)) {   // there is a row, held by someone else and not expired (or just inserted by them)
                        Connections.rollback(c);
                        return false;
                    }
                    throw e;
                }
            }
            c.commit();
            return true;
        } catch (SQLException | RuntimeException e) {
            Connections.rollback(c);
            throw connections.failed(what, e, p);
        } finally {
            connections.give(p);
        }
    }

    /** The holder of {@code id}, when there is a lease on it that has not expired. */
    public Optional<Holder> holder(String id) {
        Connections.Pooled p = connections.take();
        Connection c = p.connection();
        try (PreparedStatement ps = c.prepareStatement("SELECT owner, expires_at FROM chassis_lease WHERE lease_id = ?")) {
            ps.setString(1, id);
            Optional<Holder> out = Optional.empty();
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next() && rs.getLong(2) >= clock.millis()) {
                    out = Optional.of(new Holder(rs.getString(1), Instant.ofEpochMilli(rs.getLong(2))));
                }
            }
            c.commit();
            return out;
        } catch (SQLException | RuntimeException e) {
            Connections.rollback(c);
            throw connections.failed("cannot read the lease of " + id, e, p);
        } finally {
            connections.give(p);
        }
    }

    /** Gives {@code id} up when {@code node} holds it, so another node may take it at once. */
    public void release(String id, String node) {
        String what = "cannot release the lease of " + id;
        Connections.Pooled p = connections.takeForWrite(what);
        Connection c = p.connection();
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM chassis_lease WHERE lease_id = ? AND owner = ?")) {
            ps.setString(1, id);
            ps.setString(2, node);
            ps.executeUpdate();
            c.commit();
        } catch (SQLException | RuntimeException e) {
            Connections.rollback(c);
            throw connections.failed(what, e, p);
        } finally {
            connections.give(p);
        }
    }

    /**
     * Renews every lease {@code node} holds to {@code ttl} from now, in one statement, and returns their ids: a lease
     * another node took meanwhile is not among them.
     */
    public Set<String> renewAll(String node, Duration ttl) {
        String what = "cannot renew the leases of " + node;
        Connections.Pooled p = connections.takeForWrite(what);
        Connection c = p.connection();
        try {
            try (PreparedStatement ps = c.prepareStatement("UPDATE chassis_lease SET expires_at = ? WHERE owner = ?")) {
                ps.setLong(1, clock.millis() + ttl.toMillis());
                ps.setString(2, node);
                ps.executeUpdate();
            }
            Set<String> held = new HashSet<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT lease_id FROM chassis_lease WHERE owner = ?")) {
                ps.setString(1, node);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        held.add(rs.getString(1));
                    }
                }
            }
            c.commit();
            return held;
        } catch (SQLException | RuntimeException e) {
            Connections.rollback(c);
            throw connections.failed(what, e, p);
        } finally {
            connections.give(p);
        }
    }

    /** A unique-key violation (SQLSTATE 23505 on PostgreSQL and H2): the row is there already. */
    private static boolean taken(SQLException e) {
        return "23505".equals(e.getSQLState());
    }
}
