package dev.chassis.work.journal;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a step ended: a closed set, journaled (in {@link RunEvent.StepEnded}) by its lower-case name. */
public enum StepStatus {
    /** With an accepted output. */
    @JsonProperty("succeeded") SUCCEEDED,
    /** With a reason; the run fails. */
    @JsonProperty("failed") FAILED,
    /** Not run: its condition did not hold, or a step it needs was skipped. */
    @JsonProperty("skipped") SKIPPED;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
