package dev.chassis.talk.journal;

import dev.chassis.core.journal.InMemoryJournal;
import dev.chassis.core.journal.JournalEntry;
import dev.chassis.core.journal.Journal;
import java.util.List;

/** A journal in memory whose appends go through a hook: a store that is slow, fails, or answers late, for tests. */
public final class HookedJournal implements Journal {

    /** Decides what an append does; {@code append} writes the entries. */
    @FunctionalInterface
    public interface Hook {
        void around(String sessionId, List<JournalEntry> entries, Runnable append);
    }

    private final InMemoryJournal inner = new InMemoryJournal();
    private final Hook hook;

    public HookedJournal(Hook hook) {
        this.hook = hook;
    }

    @Override
    public void append(String sessionId, List<JournalEntry> entries) {
        hook.around(sessionId, entries, () -> inner.append(sessionId, entries));
    }

    @Override
    public List<JournalEntry> read(String sessionId) {
        return inner.read(sessionId);
    }

    @Override
    public List<String> streams() {
        return inner.streams();
    }
}
