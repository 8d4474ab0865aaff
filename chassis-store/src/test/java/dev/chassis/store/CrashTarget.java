package dev.chassis.store;

import dev.chassis.core.journal.JournalEntry;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** Appends entries to an H2 journal one by one, printing each acknowledged sequence, until killed. */
public final class CrashTarget {

    public static void main(String[] args) {
        JdbcJournal db = JdbcJournal.h2(Path.of(args[0]));
        for (long seq = 0; ; seq++) {
            db.runJournal().append("crash", List.of(new JournalEntry(seq, "T", "{\"seq\":" + seq + "}", Instant.now())));
            System.out.println("acked " + seq);
            System.out.flush();
        }
    }
}
