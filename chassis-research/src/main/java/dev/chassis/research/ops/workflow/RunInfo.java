package dev.chassis.research.ops.workflow;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A run as its journal tells it: what it runs and with which engine (recorded when it started), and
 * where it is now. Nothing else is kept about a run.
 *
 * @param id      the run id, also its folder's name
 * @param kind    what ran: {@code study} or {@code workflow}
 * @param input   the study or workflow file, absolute
 * @param model   the engine as it was given ({@code offline}, {@code openai:gpt-4.1-mini})
 * @param seed    for synthetic participants
 * @param started when the run started (the run's clock for invites and ids)
 * @param detail  the report (done), what it waits for (waiting), or why it stopped (failed, rejected)
 * @param live    the session streamed to the terminal, if any
 */
public record RunInfo(String id, String kind, String input, String model, long seed, Instant started, Status status, String detail,
                      Optional<String> live) {

    /** Where a run is: a closed set, shown (and written as JSON) by its lower-case name. */
    public enum Status {
        /** Started and not ended: running now, or stopped by a crash (resume continues it). */
        @JsonProperty("running") RUNNING,
        /** Waiting for people: live sessions to take place, or a decision (approve or reject). */
        @JsonProperty("waiting") WAITING,
        @JsonProperty("done") DONE,
        /** Stopped by an error; resuming a study run tries again, keeping all finished work. */
        @JsonProperty("failed") FAILED,
        /** A person rejected what it waited for: it is over. */
        @JsonProperty("rejected") REJECTED;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Whether there is nothing left to do (resume only says so). */
        public boolean over() {
            return this == DONE || this == REJECTED;
        }
    }

    public RunInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(started, "started");
        Objects.requireNonNull(status, "status");
        detail = Objects.requireNonNullElse(detail, "");
        live = Objects.requireNonNullElse(live, Optional.empty());
    }
}
