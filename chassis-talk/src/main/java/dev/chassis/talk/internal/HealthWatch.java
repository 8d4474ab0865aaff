package dev.chassis.talk.internal;

import dev.chassis.core.event.EventSink;
import dev.chassis.talk.health.SessionHealth;
import dev.chassis.talk.journal.JournalWriter;
import dev.chassis.talk.observe.TalkEvent;
import dev.chassis.talk.state.SessionEvent;
import dev.chassis.talk.state.SessionLog;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Keeps one session's {@link SessionHealth} from what its journal writer and its turns report, writes each change
 * into the session's log as a {@link SessionEvent.HealthChange} and tells the application a {@link
 * TalkEvent.HealthChanged}. The writer may report before the log exists (its first write can fail): such events
 * are appended once the log is attached. Thread-safe.
 */
final class HealthWatch {

    private final String sessionId;
    private final Clock clock;
    private final EventSink events;
    private final List<SessionEvent> early = new ArrayList<>(); // guarded by this, until the log is attached
    private SessionLog log; // guarded by this
    private volatile SessionHealth health = SessionHealth.OK;

    HealthWatch(String sessionId, Clock clock, EventSink events) {
        this.sessionId = sessionId;
        this.clock = clock;
        this.events = events;
    }

    synchronized void attach(SessionLog sessionLog) {
        this.log = sessionLog;
        early.forEach(sessionLog::append);
        early.clear();
    }

    SessionHealth health() {
        return health;
    }

    /** From the journal writer's thread. */
    synchronized void saving(JournalWriter.Saving saving) {
        Instant now = clock.instant();
        switch (saving) {
            case JournalWriter.Saving.Failed f -> {
                changed(now, health.withSaving(Optional.of(new SessionHealth.Problem(f.problem(), now))));
                append(new SessionEvent.JournalFailed(now, f.problem()));
            }
            case JournalWriter.Saving.Recovered r -> {
                changed(now, health.withSaving(Optional.empty()));
                append(new SessionEvent.JournalRecovered(now, r.down()));
            }
        }
    }

    /** The model failed in {@code turn}; {@code remedy} says how the turn was still answered. */
    synchronized void modelFailed(int turn, String engine, String problem, String remedy) {
        Instant now = clock.instant();
        append(new SessionEvent.ModelFailed(now, turn, engine, problem, remedy));
        events.accept(new TalkEvent.ModelFailed(now, sessionId, turn, problem, remedy));
        if (health.model().isEmpty()) {
            changed(now, health.withModel(Optional.of(new SessionHealth.Problem(problem, now))));
        }
    }

    /** The session's own model answered {@code turn}: a failing model has recovered. */
    void modelAnswered(int turn, String engine) {
        if (health.model().isEmpty()) {
            return; // the common case: one volatile read on the turn's path
        }
        synchronized (this) {
            Optional<SessionHealth.Problem> was = health.model();
            if (was.isPresent()) {
                Instant now = clock.instant();
                append(new SessionEvent.ModelRecovered(now, turn, engine, was.get().since()));
                changed(now, health.withModel(Optional.empty()));
            }
        }
    }

    // Both below run holding this object's lock.

    private void changed(Instant now, SessionHealth next) {
        health = next;
        events.accept(new TalkEvent.HealthChanged(now, sessionId, log == null ? 0 : log.snapshot().turn(), next));
    }

    private void append(SessionEvent e) {
        if (log == null) {
            early.add(e);
        } else {
            log.append(e);
        }
    }
}
