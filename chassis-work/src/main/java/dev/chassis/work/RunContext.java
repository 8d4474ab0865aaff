package dev.chassis.work;

import dev.chassis.work.flow.Activities;
import dev.chassis.work.flow.Environment;
import dev.chassis.work.flow.Workflow;
import dev.chassis.work.journal.RunRecord;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * One run as this harness runs it: its workflow (with what a fork changed), what every step gets (tools,
 * system text with the instruction map and the ledger's notes, the schema and ledger gates, the run's
 * budget), and its side-effect layer (model calls, tools through the policy with the ledger's guards, gates).
 * For engines that drive the deterministic orchestration elsewhere and do the side effects here, such as
 * chassis-temporal's activities. Made by {@link WorkHarness#context}; immutable and thread-safe.
 */
public final class RunContext {

    private final Workflow workflow;
    private final Environment environment;
    private final String model;
    private final BiFunction<RunRecord, Boolean, ContextActivities> activities;

    /** The side-effect layer of one use, with what it opened (the run's trace) to close after. */
    interface ContextActivities extends AutoCloseable {
        Activities activities();

        @Override
        void close();
    }

    RunContext(Workflow workflow, Environment environment, String model, BiFunction<RunRecord, Boolean, ContextActivities> activities) {
        this.workflow = workflow;
        this.environment = environment;
        this.model = model;
        this.activities = activities;
    }

    public Workflow workflow() {
        return workflow;
    }

    public Environment environment() {
        return environment;
    }

    /** The name of the model steps run on here. */
    public String model() {
        return model;
    }

    /**
     * Runs {@code body} with this run's side-effect layer over {@code record}: what it does is appended there,
     * what is recorded there is replayed.
     *
     * @param retryModel whether a failed model call is tried again here (four tries, backing off); an engine
     *                   that retries calls itself passes false, so each call is one try
     */
    public <T> T withActivities(RunRecord record, boolean retryModel, Function<Activities, T> body) {
        try (ContextActivities a = activities.apply(record, retryModel)) {
            return body.apply(a.activities());
        }
    }
}
