package dev.chassis.server.study;

import dev.chassis.core.input.Ids;
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

/**
 * Session records in the server's {@link Records} (its database), kept in memory too. A record changes
 * rarely (created, live, paused, completed), so each change rewrites it whole.
 * A session that was {@code live} when the server stopped is {@code paused} when it starts again.
 * Thread-safe.
 */
public final class SessionStore {

    private final Records records;
    private final Map<String, SessionInfo> sessions = new ConcurrentHashMap<>();

    public SessionStore(Records records) {
        this.records = records;
        load();
    }

    public SessionInfo save(SessionInfo s) {
        records.put("session", s.id(), Json.write(s));
        sessions.put(s.id(), s);
        return s;
    }

    public Optional<SessionInfo> find(String id) {
        return Optional.ofNullable(sessions.get(id));
    }

    /** The session with this id; 400 when it is not an id, 404 when there is none. */
    public SessionInfo get(String id) {
        return find(Ids.check("session", id)).orElseThrow(() -> ApiException.notFound("no session '" + id + "'"));
    }

    /** The sessions of one study (or all, for null), newest first. */
    public List<SessionInfo> list(String study) {
        return sessions.values().stream().filter(s -> study == null || s.study().equals(study))
                .sorted(Comparator.comparing(SessionInfo::created).reversed().thenComparing(SessionInfo::id)).toList();
    }

    /** Moves a session to {@code status} unless it is completed (completion is final). */
    public synchronized SessionInfo status(String id, String status) {
        SessionInfo s = get(id);
        return s.status().equals("completed") || s.status().equals(status) ? s : save(s.withStatus(status));
    }

    private void load() {
        try {
            for (String json : records.all("session").values()) {
                SessionInfo s = Json.MAPPER.readValue(json, SessionInfo.class);
                sessions.put(s.id(), s.status().equals("live") ? s.withStatus("paused") : s);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the sessions: " + e.getMessage(), e);
        }
    }
}
