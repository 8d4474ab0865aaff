package dev.chassis.work.journal;

import dev.chassis.core.journal.JournalEntry;
import dev.chassis.core.journal.Journal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A run's events, as loaded from its journal and as they are appended: look-up by key for replay,
 * and appends in order with group commit. Events that lose nothing if a crash drops them (a model
 * call is simply made again, a finished tool call is re-run under the same idempotency key) wait in
 * a buffer; an event that must be durable before the run goes on (a tool is about to run, a step
 * ended, a pause, a decision, the run's start and end) is written together with everything buffered,
 * in one commit. Thread-safe: parallel steps append concurrently.
 */
public final class RunRecord {

    private final String runId;
    private final Journal journal;
    private final ReentrantLock lock = new ReentrantLock();
    // Guarded by lock.
    private final Map<String, RunEvent> byKey = new LinkedHashMap<>();
    private final List<RunEvent> events = new ArrayList<>();
    private final List<JournalEntry> buffered = new ArrayList<>();

    private RunRecord(String runId, Journal journal, List<RunEvent> existing) {
        this.runId = runId;
        this.journal = journal;
        for (RunEvent e : existing) {
            events.add(e);
            byKey.put(e.key(), e);
        }
    }

    /** The record of a run, loaded from the journal (empty for a new run). */
    public static RunRecord load(String runId, Journal journal) {
        List<RunEvent> existing = RunEvent.CODEC.decodeAll(journal.read(runId));
        return new RunRecord(runId, journal, existing);
    }

    public String runId() {
        return runId;
    }

    /** The event recorded under {@code key}, if any. */
    public Optional<RunEvent> get(String key) {
        lock.lock();
        try {
            return Optional.ofNullable(byKey.get(key));
        } finally {
            lock.unlock();
        }
    }

    /** The event under {@code key} if it is of {@code type}. */
    public <T extends RunEvent> Optional<T> get(String key, Class<T> type) {
        return get(key).filter(type::isInstance).map(type::cast);
    }

    /** Appends an event durably; an event whose key is already recorded is not appended again. */
    public void append(RunEvent event) {
        lock.lock();
        try {
            if (byKey.containsKey(event.key())) {
                return;
            }
            buffered.add(RunEvent.CODEC.encode(events.size(), event));
            events.add(event);
            byKey.put(event.key(), event);
            if (mustBeDurable(event)) {
                flush();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Writes whatever is buffered, in one commit. */
    public void flush() {
        lock.lock();
        try {
            if (!buffered.isEmpty()) {
                journal.append(runId, List.copyOf(buffered));
                buffered.clear();
            }
        } finally {
            lock.unlock();
        }
    }

    private static boolean mustBeDurable(RunEvent e) {
        return switch (e) {
            case RunEvent.Started s -> true;
            case RunEvent.ToolStarted s -> true; // before a side effect, its intent is on disk
            case RunEvent.StepEnded s -> true;
            case RunEvent.Paused p -> true;
            case RunEvent.Decided d -> true;
            case RunEvent.Finished f -> true;
            case RunEvent.StepStarted s -> false;
            case RunEvent.ModelCalled m -> false;
            case RunEvent.ToolFinished t -> false;
            case RunEvent.GateChecked g -> false;
        };
    }

    /** Every event so far, in order. */
    public List<RunEvent> events() {
        lock.lock();
        try {
            return Collections.unmodifiableList(new ArrayList<>(events));
        } finally {
            lock.unlock();
        }
    }

    /** The latest pause nobody has decided on yet (a decision's key is its pause's key with {@code decision:} for {@code pause:}). */
    public Optional<RunEvent.Paused> pendingPause() {
        List<RunEvent.Paused> pauses = events(RunEvent.Paused.class);
        for (int i = pauses.size() - 1; i >= 0; i--) {
            RunEvent.Paused p = pauses.get(i);
            if (get(p.key().replaceFirst("^pause:", "decision:")).isEmpty()) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** What the whole run used so far. */
    public RunUsage usage() {
        RunUsage u = RunUsage.NONE;
        for (RunEvent e : events()) {
            u = u.plus(e);
        }
        return u;
    }

    /** What one step used so far, over all its attempts. */
    public RunUsage usage(String step) {
        RunUsage u = RunUsage.NONE;
        for (RunEvent e : events()) {
            if (e.stepId().filter(step::equals).isPresent()) {
                u = u.plus(e);
            }
        }
        return u;
    }

    /** Events of one type, in order. */
    public <T extends RunEvent> List<T> events(Class<T> type) {
        return events().stream().filter(type::isInstance).map(type::cast).toList();
    }
}
