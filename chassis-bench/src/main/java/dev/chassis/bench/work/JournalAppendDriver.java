package dev.chassis.bench.work;

import dev.chassis.bench.Percentiles;
import dev.chassis.core.journal.JournalEntry;
import dev.chassis.core.journal.Journal;
import dev.chassis.store.Durability;
import dev.chassis.store.JdbcJournal;
import dev.chassis.work.journal.RunEvent;
import dev.chassis.work.journal.StepStatus;
import dev.chassis.work.journal.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Journal append per step: what the work harness writes when a step ends (its start, a model call,
 * a gate verdict and its end, in one group commit), timed per step on durable H2 and, when
 * CHASSIS_TEST_PG_URL is set, PostgreSQL. Usage: {@code JournalAppendDriver [steps] [warmUpSteps]}.
 */
public final class JournalAppendDriver {

    public static void main(String[] args) throws Exception {
        int steps = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        Path dir = Files.createTempDirectory("chassis-bench-journal");
        // H2 twice: committed into the file (survives the process being killed), and synced to the device as well.
        Map<String, Supplier<JdbcJournal>> journals = new LinkedHashMap<>();
        journals.put("H2, process crash", () -> JdbcJournal.h2(dir.resolve("h2-process"), Durability.PROCESS_CRASH));
        journals.put("H2, power loss", () -> JdbcJournal.h2(dir.resolve("h2-power"), Durability.POWER_LOSS));
        String pg = System.getenv("CHASSIS_TEST_PG_URL");
        if (pg != null && !pg.isBlank()) {
            journals.put("PostgreSQL", () -> JdbcJournal.open(pg));
        }
        System.out.printf("%-18s one 1 KB write + fsync (the disk's floor for a durable commit): %s%n", "raw fsync", rawFsync(dir, steps).line());
        for (Map.Entry<String, Supplier<JdbcJournal>> target : journals.entrySet()) {
            try (JdbcJournal db = target.getValue().get()) {
                Journal journal = db.runJournal();
                String run = "bench-" + System.nanoTime();
                long seq = 0;
                List<Long> samples = new ArrayList<>();
                for (int step = 0; step < steps + warmUp; step++) {
                    List<JournalEntry> batch = stepEvents(run, step, seq);
                    seq += batch.size();
                    Append event = new Append();
                    event.begin();
                    long start = System.nanoTime();
                    journal.append(run, batch);
                    event.commit();
                    // Warm-up steps let the JIT compile the database's code (C2 needs thousands of calls); while it
                    // compiles, its threads take the second core and the commits measured would be the compiler's.
                    if (step >= warmUp) {
                        samples.add(System.nanoTime() - start);
                    }
                }
                System.out.printf("%-18s journal append per step (4 events, one commit): %s%n", target.getKey(), new Percentiles(samples).line());
            }
        }
    }

    /** What a durable commit cannot beat on this disk: appending a small record to a file and forcing it out. */
    static Percentiles rawFsync(Path dir, int n) throws java.io.IOException {
        List<Long> samples = new ArrayList<>();
        java.nio.ByteBuffer record = java.nio.ByteBuffer.wrap(new byte[1024]);
        try (java.nio.channels.FileChannel f = java.nio.channels.FileChannel.open(dir.resolve("fsync.bin"), java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.WRITE, java.nio.file.StandardOpenOption.APPEND)) {
            for (int i = 0; i < n + 200; i++) {
                long start = System.nanoTime();
                record.rewind();
                f.write(record);
                f.force(false);
                if (i >= 200) {
                    samples.add(System.nanoTime() - start);
                }
            }
        }
        return new Percentiles(samples);
    }

    static List<JournalEntry> stepEvents(String run, int step, long seq) {
        String id = "s" + step;
        Instant now = Instant.now();
        List<RunEvent> events = List.of(
                new RunEvent.StepStarted(now, "step:" + id + ":1:start", id, 1),
                new RunEvent.ModelCalled(now, "step:" + id + ":1:model:0", id, 1, 0, "offline", "{\"answer\": \"" + "x".repeat(400) + "\"}",
                        List.of(), 900, 120, 0.0, 3),
                new RunEvent.GateChecked(now, "step:" + id + ":1:gate:schema", id, 1, "schema", Verdict.PASS, List.of(), "valid"),
                new RunEvent.StepEnded(now, "step:" + id + ":end", id, StepStatus.SUCCEEDED, "{\"answer\": \"...\"}", "", 1));
        List<JournalEntry> out = new ArrayList<>();
        for (RunEvent e : events) {
            out.add(RunEvent.CODEC.encode(seq + out.size(), e));
        }
        return out;
    }


    /** One append as a flight-recorder event, to see what overlaps the slow ones (with -XX:StartFlightRecording). */
    @jdk.jfr.Name("bench.JournalAppend")
    @jdk.jfr.Label("Journal append")
    static final class Append extends jdk.jfr.Event {
    }
}
