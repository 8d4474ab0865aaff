package dev.chassis.talk.journal;

import dev.chassis.core.journal.JournalEntry;
import dev.chassis.core.journal.JournalException;
import dev.chassis.core.journal.SessionJournal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link SessionJournal} in memory: for tests, and for sessions that need not survive the process. Thread-safe. */
public final class InMemorySessionJournal implements SessionJournal {

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
    public List<String> sessions() {
        return streams.keySet().stream().sorted().toList();
    }
}
