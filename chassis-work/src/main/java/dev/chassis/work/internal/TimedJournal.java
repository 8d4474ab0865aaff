package dev.chassis.work.internal;

import dev.chassis.core.event.EventSink;
import dev.chassis.core.journal.Journal;
import dev.chassis.core.journal.JournalEntry;
import dev.chassis.work.observe.WorkEvent;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** A journal whose every write is timed and told as {@link WorkEvent.JournalWritten}: the append time the metrics chart. */
public final class TimedJournal implements Journal {

    private final Journal journal;
    private final EventSink events;
    private final Clock clock;

    public TimedJournal(Journal journal, EventSink events, Clock clock) {
        this.journal = journal;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public void append(String stream, List<JournalEntry> entries) {
        long start = System.nanoTime();
        journal.append(stream, entries);
        events.accept(new WorkEvent.JournalWritten(clock.instant(), stream, entries.size(), Duration.ofNanos(System.nanoTime() - start)));
    }

    @Override
    public List<JournalEntry> read(String stream) {
        return journal.read(stream);
    }

    @Override
    public List<String> streams() {
        return journal.streams();
    }

    @Override
    public void close() {
        journal.close();
    }
}
