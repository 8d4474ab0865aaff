package dev.chassis.server.live;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.chassis.core.journal.JournalException;
import dev.chassis.research.ops.workflow.RunFolder;
import dev.chassis.research.transcript.Transcript;
import dev.chassis.research.transcript.TranscriptFiles;
import dev.chassis.server.files.DataFolder;
import dev.chassis.server.health.ServerHealth;
import dev.chassis.server.http.Json;
import dev.chassis.server.http.StorageProblem;
import dev.chassis.server.study.SessionInfo;
import dev.chassis.server.study.SessionStore;
import dev.chassis.talk.state.SessionState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an interview leaves beside its journal: the session's status, its turn timings ({@link DataFolder#turns}) and,
 * once complete, its transcript with the study. A status or completion the storage refuses is kept and saved again by
 * {@link #saveUnsaved} (the caller runs it every two seconds and when the storage recovers); a file that cannot be
 * written sets the data folder's check in {@link ServerHealth}. Thread-safe.
 */
final class SessionRecords {

    private static final Logger LOG = LoggerFactory.getLogger(SessionRecords.class);

    private final SessionStore sessions;
    private final DataFolder files;
    private final Clock clock;
    private final ServerHealth health;
    private final BiConsumer<SessionInfo, Transcript> onCompleted;
    private final Map<String, String> unsavedStatus = new ConcurrentHashMap<>();
    private final Map<String, SessionState> unsavedCompletions = new ConcurrentHashMap<>();
    private volatile boolean closing;
    private final ReentrantLock saving = new ReentrantLock();

    /** @param onCompleted told about every completed interview, after its transcript is saved */
    SessionRecords(SessionStore sessions, DataFolder files, Clock clock, ServerHealth health, BiConsumer<SessionInfo, Transcript> onCompleted) {
        this.sessions = sessions;
        this.files = files;
        this.clock = clock;
        this.health = health;
        this.onCompleted = onCompleted;
    }

    /**
     * Moves the session to {@code status}; when the store refuses, remembers it and tries again once the store is back.
     * Writes of one session go through its entry of the map one at a time, so a retry of an older status can never land
     * after a newer one (a "live" that failed must not overwrite the "paused" saved after it).
     */
    void status(String id, String status) {
        unsavedStatus.compute(id, (k, waiting) -> stored(k, status) ? null : status);
    }

    /** Retries the status that waited for the store, unless a newer one was saved or is waiting meanwhile. */
    private void retryStatus(String id) {
        unsavedStatus.computeIfPresent(id, (k, waiting) -> stored(k, waiting) ? null : waiting);
    }

    private boolean stored(String id, String status) {
        try {
            sessions.status(id, status);
            return true;
        } catch (JournalException e) {
            return false;
        }
    }

    /** Rewrites the session's turn timings whole; for display only, so a failure is logged and the next turn writes them again. */
    void turns(String id, List<TurnStat> all) {
        try {
            writeFile(() -> RunFolder.write(files.turns(id), Json.write(all)));
        } catch (RuntimeException e) {
            LOG.warn("the turn timings of session {} were not saved: {}", id, e.getMessage());
        }
    }

    /** The session's turn timings as last saved; none when there are none or the file is damaged. */
    List<TurnStat> storedTurns(String id) {
        Path f = files.turns(id);
        if (!Files.isRegularFile(f)) {
            return List.of();
        }
        try {
            return Json.MAPPER.readValue(f.toFile(), new TypeReference<List<TurnStat>>() { });
        } catch (IOException e) {
            return List.of();   // timings are for display; a damaged file must not keep an interview from resuming
        }
    }

    /**
     * Saves the transcript and marks the session completed; kept and tried again later when the storage fails. Once the
     * server closes, nothing: a completion that began as it closed is in the journal, and the next start completes it.
     */
    void completed(String id, SessionState state) {
        if (closing) {
            return;
        }
        SessionInfo done;
        Transcript t;
        try {
            SessionInfo info = sessions.get(id);
            t = SessionTranscripts.of(state, info.participant());
            writeFile(() -> RunFolder.write(files.studyTranscript(info.study(), id), TranscriptFiles.toJson(t)));
            done = sessions.save(info.completedAt(clock.instant()));
            unsavedCompletions.remove(id);
        } catch (RuntimeException e) {
            if (unsavedCompletions.put(id, state) == null) {
                LOG.error("session {} is complete but its transcript cannot be saved yet ({}); it is kept and saved when the storage "
                        + "recovers", id, StorageProblem.of(e).orElse(e.getMessage()));
            }
            return;
        }
        onCompleted.accept(done, t);
    }

    /** The server closes: completions from now on are left to the next start ({@link #completed}). */
    void closing() {
        closing = true;
    }

    /** Saves what waited for the storage, and checks whether the data folder takes writes again; a failure waits for the next try. */
    void saveUnsaved() {
        if (!saving.tryLock()) {
            return;   // another thread is at it (the sweep, or a recovery just heard of)
        }
        try {
            List.copyOf(unsavedStatus.keySet()).forEach(this::retryStatus);
            unsavedCompletions.forEach(this::completed);
            if (health.check(ServerHealth.FILES).filter(c -> !c.up()).isPresent()) {
                writeFile(() -> RunFolder.write(files.writeCheck(), clock.instant().toString()));
            }
        } catch (RuntimeException stillFailing) {
            // said by the health check and logged when it began; tried again in a moment
        } finally {
            saving.unlock();
        }
    }

    /** A write to the data folder; its outcome sets the files check. */
    private void writeFile(Runnable write) {
        try {
            write.run();
        } catch (RuntimeException e) {
            health.set(ServerHealth.FILES, ServerHealth.Level.DOWN, Optional.of(StorageProblem.of(e).orElse("a file could not be written")),
                    Optional.ofNullable(e.getMessage()));
            throw e;
        }
        health.up(ServerHealth.FILES);
    }
}
