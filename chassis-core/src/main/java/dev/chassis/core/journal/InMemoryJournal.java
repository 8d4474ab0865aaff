package dev.chassis.core.journal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A journal in memory, for sessions and runs: for tests, and for work that need not survive the process. Thread-safe. */
public final class InMemoryJournal implements Journal {

    private final Map<String, List<JournalEntry>> streams = new ConcurrentHashMap<>();

    @Override
    public void append(String stream, List<JournalEntry> entries) {
        List<JournalEntry> log = streams.computeIfAbsent(stream, k -> new ArrayList<>());
        synchronized (log) {
            for (JournalEntry e : entries) {
                if (e.sequence() != log.size()) {
                    throw new JournalException("stream " + stream + ": expected entry " + log.size() + ", got " + e.sequence());
                }
                log.add(e);
            }
        }
    }

    @Override
    public List<JournalEntry> read(String stream) {
        List<JournalEntry> log = streams.get(stream);
        if (log == null) {
            return List.of();
        }
        synchronized (log) {
            return List.copyOf(log);
        }
    }

    @Override
    public List<String> streams() {
        return streams.entrySet().stream().filter(e -> !read(e.getKey()).isEmpty()).map(Map.Entry::getKey).sorted().toList();
    }

    /** Nothing to release. */
    @Override
    public void close() {
    }
}
