package dev.chassis.temporal.activity;

import dev.chassis.work.RunContext;
import dev.chassis.work.journal.RunEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The runs a worker serves, each built once from its start event (its workflow parsed, its instruction map and
 * ledger applied) and kept for its next calls: the most recently used few hundred. Thread-safe.
 */
final class RunContexts {

    private static final int KEPT = 256;

    private final Function<RunEvent.Started, RunContext> build;
    private final Map<String, RunContext> kept = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, RunContext> eldest) {
            return size() > KEPT;
        }
    };

    RunContexts(Function<RunEvent.Started, RunContext> build) {
        this.build = build;
    }

    RunContext of(RunEvent.Started run) {
        String key = run.runId() + "@" + run.at();
        synchronized (kept) {
            RunContext c = kept.get(key);
            if (c != null) {
                return c;
            }
        }
        RunContext c = build.apply(run); // outside the lock: parsing a workflow may read its files
        synchronized (kept) {
            kept.putIfAbsent(key, c);
            return kept.get(key);
        }
    }
}
