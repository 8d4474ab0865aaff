package dev.chassis.server.study;

import dev.chassis.core.input.Ids;
import dev.chassis.core.journal.JournalException;
import dev.chassis.core.journal.Records;
import dev.chassis.server.http.ApiException;
import dev.chassis.server.http.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Session records in the server's {@link Records} (its database), kept in memory too. A record changes
 * rarely (created, live, paused, completed), so each change rewrites it whole. Where server nodes share the database,
 * reads go to it (a session created or answered on another node); the memory copy answers while the database cannot,
 * and alone when this is the only server. A session recorded {@code live} that no node holds (its server stopped or died)
 * reads as {@code paused}. Thread-safe.
 */
public final class SessionStore {

    private final Records records;
    private final Map<String, SessionInfo> sessions = new ConcurrentHashMap<>();
    private final Predicate<String> held;
    private final boolean shared;

    /**
     * @param shared whether other server nodes write the same records (then reads go to the database; else memory answers)
     * @param held   whether some server node answers a session now (holds its lease)
     */
    public SessionStore(Records records, boolean shared, Predicate<String> held) {
        this.records = records;
        this.shared = shared;
        this.held = held;
        load();
    }

    public SessionInfo save(SessionInfo s) {
        records.put("session", s.id(), Json.write(s));
        sessions.put(s.id(), s);
        return s;
    }

    public Optional<SessionInfo> find(String id) {
        if (!shared) {
            return Optional.ofNullable(sessions.get(id));
        }
        try {
            Optional<SessionInfo> stored = records.get("session", id).map(SessionStore::parse).map(this::shown);
            stored.ifPresentOrElse(s -> sessions.put(id, s), () -> sessions.remove(id));
            return stored;
        } catch (JournalException e) {
            return Optional.ofNullable(sessions.get(id));   // the store's check says why; what this node knows still answers
        }
    }

    /** The session with this id; 400 when it is not an id, 404 when there is none. */
    public SessionInfo get(String id) {
        return find(Ids.check("session", id)).orElseThrow(() -> ApiException.notFound("no session '" + id + "'"));
    }

    /** The sessions of one study (or all, for null), newest first. */
    public List<SessionInfo> list(String study) {
        try {
            if (shared) {
                load();
            }
        } catch (JournalException e) {
            // the memory copy answers while the database cannot
        }
        return sessions.values().stream().filter(s -> study == null || s.study().equals(study))
                .sorted(Comparator.comparing(SessionInfo::created).reversed().thenComparing(SessionInfo::id)).toList();
    }

    /** Moves a session to {@code status} unless it is completed (completion is final). */
    public synchronized SessionInfo status(String id, String status) {
        SessionInfo s = get(id);
        return s.status().equals("completed") || s.status().equals(status) ? s : save(s.withStatus(status));
    }

    private void load() {
        for (String json : records.all("session").values()) {
            SessionInfo s = shown(parse(json));
            sessions.put(s.id(), s);
        }
    }

    /** A session recorded live that no node answers is paused: its server stopped without saying so. */
    private SessionInfo shown(SessionInfo s) {
        return s.status().equals("live") && !held.test(s.id()) ? s.withStatus("paused") : s;
    }

    private static SessionInfo parse(String json) {
        try {
            return Json.MAPPER.readValue(json, SessionInfo.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the sessions: " + e.getMessage(), e);
        }
    }
}
