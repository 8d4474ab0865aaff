package dev.chassis.core.journal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A journal in memory, for sessions and runs: for tests, and for work that need not survive the process. Thread-safe. */
public final class InMemoryJournal implements SessionJournal, RunJournal {

    private final Map<String, List<JournalEntry>> streams = new ConcurrentHashMap<>();

    @Override
    public void append(String sessionId, List<JournalEntry> entries) {
        List<JournalEntry> stream = streams.computeIfAbsent(sessionId, k -> new ArrayList<>());
        synchronized (stream) {
            for (JournalEntry e : entries) {
                if (e.sequence() != stream.size()) {
                    throw new JournalException("session " + sessionId + ": expected entry " + stream.size() + ", got " + e.sequence());
                }
                stream.add(e);
            }
        }
    }

    @Override
    public List<JournalEntry> read(String sessionId) {
        List<JournalEntry> stream = streams.get(sessionId);
        if (stream == null) {
            return List.of();
        }
        synchronized (stream) {
            return List.copyOf(stream);
        }
    }

    @Override
    public List<String> runs() {
        return sessions();
    }

    @Override
    public List<String> sessions() {
        return streams.keySet().stream().sorted().toList();
    }

    /** Nothing to release. */
    @Override
    public void close() {
    }
}
