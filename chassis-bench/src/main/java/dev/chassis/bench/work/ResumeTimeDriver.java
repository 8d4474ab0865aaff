package dev.chassis.bench.work;

import dev.chassis.bench.Percentiles;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chassis.models.offline.OfflineModel;
import dev.chassis.models.offline.Pacing;
import dev.chassis.store.JdbcJournal;
import dev.chassis.work.RunOutcome;
import dev.chassis.work.WorkHarness;
import dev.chassis.work.flow.Workflow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Resume time of a 1,000-step run: a run of 1,000 steps is journaled on durable H2, cut short after
 * step 999, and resumed from the journal by a fresh harness; the time to replay 999 finished steps
 * and do the last one is measured several times. Usage: {@code ResumeTimeDriver [steps] [repeats]}.
 */
public final class ResumeTimeDriver {

    public static void main(String[] args) throws Exception {
        int steps = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path dir = Files.createTempDirectory("chassis-bench-resume");
        OfflineModel model = OfflineModel.builder().pacing(Pacing.INSTANT).build();
        Workflow.Builder b = Workflow.builder("long");
        for (int i = 0; i < steps; i++) {
            int n = i;
            b.then("s" + i, s -> s.instruction("step " + n).offline(in -> "{\"n\": " + n + "}"));
        }
        Workflow wf = b.build();
        List<Long> samples = new ArrayList<>();
        try (JdbcJournal db = JdbcJournal.h2(dir.resolve("h2"))) {
            for (int r = 0; r <= repeats; r++) {
                String id = "long-" + r;
                long startRun = System.nanoTime();
                RunOutcome full = WorkHarness.builder().model(model).journal(db.runJournal()).workflow(wf).build()
                        .start(wf, new ObjectMapper().createObjectNode(), id);
                long runNanos = System.nanoTime() - startRun;
                // Simulate a crash before the last step ended: drop its events from a copy of the run.
                String cut = id + "-cut";
                var entries = db.runJournal().read(id);
                int keep = entries.size();
                while (keep > 0 && !entries.get(keep - 1).payload().contains("\"step:s" + (steps - 1) + ":1:start\"")) {
                    keep--;
                }
                var copy = new ArrayList<dev.chassis.core.journal.JournalEntry>();
                for (int i = 0; i < keep - 1; i++) {
                    var e = entries.get(i);
                    copy.add(new dev.chassis.core.journal.JournalEntry(i, e.type(), e.payload().replace("\"" + id + "\"", "\"" + cut + "\""), e.at()));
                }
                db.runJournal().append(cut, copy);
                long start = System.nanoTime();
                RunOutcome resumed = WorkHarness.builder().model(model).journal(db.runJournal()).workflow(wf).build().resume(cut);
                long took = System.nanoTime() - start;
                if (!resumed.outputs().equals(full.outputs())) {
                    throw new IllegalStateException("resumed run differs from the full run");
                }
                if (r > 0) {
                    samples.add(took);
                }
                System.out.printf("repeat %d: full run %.0f ms, resume of %d journal entries %.1f ms%n", r, runNanos / 1e6, copy.size(), took / 1e6);
            }
        }
        System.out.printf("resume of a %d-step run (H2): %s%n", steps, new Percentiles(samples).line());
    }
}
