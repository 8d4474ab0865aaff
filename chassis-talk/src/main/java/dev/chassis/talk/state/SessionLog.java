package dev.chassis.talk.state;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The live state of one session. Appends are serialised by a lock (the turn and the monitors both
 * write); reads are a single volatile load of an immutable {@link SessionState}, so they never
 * block and never see a half-applied event. Each appended event is also handed to the listener
 * (the journal writer) in order, while the lock is held, so the journal sees the log's order.
 */
public final class SessionLog {

    private final ReentrantLock lock = new ReentrantLock();
    private final Consumer<SessionEvent> listener;
    private volatile SessionState state;

    private SessionLog(SessionState state, Consumer<SessionEvent> listener) {
        this.state = state;
        this.listener = listener;
    }

    /** A new session starting with {@code started}. */
    public static SessionLog start(SessionEvent.Started started, Consumer<SessionEvent> listener) {
        SessionLog log = new SessionLog(StateReducer.initial(started), Objects.requireNonNull(listener, "listener"));
        listener.accept(started);
        return log;
    }

    /**
     * A session rebuilt from its events (the first must be {@link SessionEvent.Started}); the
     * listener sees only events appended from now on.
     */
    public static SessionLog replay(List<SessionEvent> events, Consumer<SessionEvent> listener) {
        if (events.isEmpty() || !(events.getFirst() instanceof SessionEvent.Started started)) {
            throw new IllegalArgumentException("a session log must begin with a Started event");
        }
        SessionState s = StateReducer.initial(started);
        for (int i = 1; i < events.size(); i++) {
            s = StateReducer.apply(s, events.get(i));
        }
        return new SessionLog(s, Objects.requireNonNull(listener, "listener"));
    }

    /** The current state: lock-free, a few nanoseconds. */
    public SessionState snapshot() {
        return state;
    }

    /** Appends an event and returns the state after it. */
    public SessionState append(SessionEvent event) {
        Objects.requireNonNull(event, "event");
        lock.lock();
        try {
            SessionState next = StateReducer.apply(state, event);
            state = next;
            listener.accept(event);
            return next;
        } finally {
            lock.unlock();
        }
    }
}
