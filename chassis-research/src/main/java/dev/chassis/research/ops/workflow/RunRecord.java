package dev.chassis.research.ops.workflow;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a run folder says about its run ({@code run.json}): enough to list it and to resume it with the
 * same inputs, seed and start time, so that a resumed run makes the same decisions.
 *
 * @param id       the run id, also the folder's name
 * @param kind     what ran, for example {@code study}
 * @param input    the study file, absolute
 * @param model    the engine name
 * @param seed     for synthetic participants
 * @param started  when the run first started (the run's clock for invites and ids)
 * @param status   {@code running}, {@code done} or {@code failed}
 * @param detail   the report's path when done, the error when failed
 * @param live     the session streamed to the terminal, if any
 */
public record RunRecord(String id, String kind, String input, String model, long seed, Instant started, String status,
                        String detail, Optional<String> live) {

    public RunRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(started, "started");
        Objects.requireNonNull(status, "status");
        detail = Objects.requireNonNullElse(detail, "");
        live = Objects.requireNonNullElse(live, Optional.empty());
    }

    public RunRecord with(String newStatus, String newDetail) {
        return new RunRecord(id, kind, input, model, seed, started, newStatus, newDetail, live);
    }
}
