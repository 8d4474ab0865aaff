package dev.chassis.bench.work;

import dev.chassis.core.journal.JournalEntry;
import dev.chassis.core.journal.RunJournal;
import dev.chassis.store.JdbcJournal;
import dev.chassis.work.journal.RunEvent;
import dev.chassis.work.journal.RunEventCodec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Journal append per step: what the work harness writes when a step ends (its start, a model call,
 * a gate verdict and its end, in one group commit), timed per step on durable H2 and, when
 * CHASSIS_TEST_PG_URL is set, PostgreSQL. Usage: {@code JournalAppendDriver [steps]}.
 */
public final class JournalAppendDriver {

    public static void main(String[] args) throws Exception {
        int steps = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        Path dir = Files.createTempDirectory("chassis-bench-journal");
        List<String> urls = new ArrayList<>(List.of("jdbc:h2:file:" + dir.resolve("h2").toAbsolutePath() + ";WRITE_DELAY=0"));
        String pg = System.getenv("CHASSIS_TEST_PG_URL");
        if (pg != null && !pg.isBlank()) {
            urls.add(pg);
        }
        for (String url : urls) {
            try (JdbcJournal db = JdbcJournal.open(url)) {
                RunJournal journal = db.runJournal();
                String run = "bench-" + System.nanoTime();
                long seq = 0;
                List<Long> samples = new ArrayList<>();
                for (int step = 0; step < steps + 200; step++) {
                    List<JournalEntry> batch = stepEvents(run, step, seq);
                    seq += batch.size();
                    long start = System.nanoTime();
                    journal.append(run, batch);
                    if (step >= 200) { // the first 200 steps warm up the JIT and the database
                        samples.add(System.nanoTime() - start);
                    }
                }
                System.out.printf("%-10s journal append per step (4 events, one commit): %s%n",
                        url.startsWith("jdbc:h2") ? "H2" : "PostgreSQL", new Stats(samples).line());
            }
        }
    }

    static List<JournalEntry> stepEvents(String run, int step, long seq) {
        String id = "s" + step;
        Instant now = Instant.now();
        List<RunEvent> events = List.of(
                new RunEvent.StepStarted(now, "step:" + id + ":1:start", id, 1),
                new RunEvent.ModelCalled(now, "step:" + id + ":1:model:0", id, 1, 0, "offline", "{\"answer\": \"" + "x".repeat(400) + "\"}",
                        List.of(), 900, 120, 0.0, 3),
                new RunEvent.GateChecked(now, "step:" + id + ":1:gate:schema", id, 1, "schema", "pass", List.of(), "valid"),
                new RunEvent.StepEnded(now, "step:" + id + ":end", id, "succeeded", "{\"answer\": \"...\"}", "", 1));
        List<JournalEntry> out = new ArrayList<>();
        for (RunEvent e : events) {
            out.add(RunEventCodec.encode(seq + out.size(), e));
        }
        return out;
    }

}
