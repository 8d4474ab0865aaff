package dev.chassis.store;

import dev.chassis.core.journal.JournalException;
import dev.chassis.core.journal.Records;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;

/**
 * The small documents a {@link JdbcJournal} keeps beside its streams, in table {@code chassis_records}: each write one
 * transaction, committed (and synced, where the journal syncs its appends) before it returns; faults reported as the
 * journal's are.
 */
final class JdbcRecords implements Records {

    private final Connections connections;
    private final Optional<FileForce> force;

    JdbcRecords(Connections connections, Optional<FileForce> force) {
        this.connections = connections;
        this.force = force;
    }

    @Override
    public void put(String kind, String id, String body) {
        String what = "cannot write record " + kind + "/" + id;
        Connections.Pooled p = connections.takeForWrite(what);
        Connection c = p.connection();
        try {
            upsert(c, kind, id, body);
            c.commit();
            force.ifPresent(FileForce::force);
        } catch (SQLException | RuntimeException e) {
            Connections.rollback(c);
            throw connections.failed(what, e, p);
        } finally {
            connections.give(p);
        }
    }

    /** Inserts the record unless there is one; returns the one stored (this one, or another process's written first). */
    @Override
    public String putIfAbsent(String kind, String id, String body) {
        String what = "cannot write record " + kind + "/" + id;
        Connections.Pooled p = connections.takeForWrite(what);
        Connection c = p.connection();
        try {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO chassis_records (record_kind, record_id, body) VALUES (?, ?, ?)")) {
                ps.setString(1, kind);
                ps.setString(2, id);
                ps.setString(3, body);
                ps.executeUpdate();
                c.commit();
                force.ifPresent(FileForce::force);
                return body;
            } catch (SQLException e) {
                if (!"23505".equals(e.getSQLState())) {
                    throw e;
                }
                Connections.rollback(c);   // there is one already: it stays
            }
        } catch (SQLException | RuntimeException e) {
            Connections.rollback(c);
            throw connections.failed(what, e, p);
        } finally {
            connections.give(p);
        }
        return get(kind, id).orElseThrow(() -> new JournalException(what + ": it was there a moment ago and is gone"));
    }

    @Override
    public Optional<String> get(String kind, String id) {
        Connections.Pooled p = connections.take();
        Connection c = p.connection();
        try (PreparedStatement ps = c.prepareStatement("SELECT body FROM chassis_records WHERE record_kind = ? AND record_id = ?")) {
            ps.setString(1, kind);
            ps.setString(2, id);
            Optional<String> out = Optional.empty();
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    out = Optional.of(rs.getString(1));
                }
            }
            c.commit();
            return out;
        } catch (SQLException | RuntimeException e) {
            Connections.rollback(c);
            throw connections.failed("cannot read record " + kind + "/" + id, e, p);
        } finally {
            connections.give(p);
        }
    }

    @Override
    public Map<String, String> all(String kind) {
        Connections.Pooled p = connections.take();
        Connection c = p.connection();
        try (PreparedStatement ps = c.prepareStatement("SELECT record_id, body FROM chassis_records WHERE record_kind = ? ORDER BY record_id")) {
            ps.setString(1, kind);
            Map<String, String> out = new java.util.LinkedHashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
            c.commit();
            return out;
        } catch (SQLException | RuntimeException e) {
            Connections.rollback(c);
            throw connections.failed("cannot read records " + kind, e, p);
        } finally {
            connections.give(p);
        }
    }

    /** Update, else insert: portable across H2 and PostgreSQL. The caller commits. */
    static void upsert(Connection c, String kind, String id, String body) throws SQLException {
        int updated;
        try (PreparedStatement ps = c.prepareStatement("UPDATE chassis_records SET body = ? WHERE record_kind = ? AND record_id = ?")) {
            ps.setString(1, body);
            ps.setString(2, kind);
            ps.setString(3, id);
            updated = ps.executeUpdate();
        }
        if (updated == 0) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO chassis_records (record_kind, record_id, body) VALUES (?, ?, ?)")) {
                ps.setString(1, kind);
                ps.setString(2, id);
                ps.setString(3, body);
                ps.executeUpdate();
            }
        }
    }
}
