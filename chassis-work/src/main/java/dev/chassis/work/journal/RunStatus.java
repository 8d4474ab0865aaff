package dev.chassis.work.journal;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where a run is: a closed set. Journaled (in {@link RunEvent.Finished}) by its lower-case name. */
public enum RunStatus {
    /** Started and not ended: running now, or stopped by a crash and resumable. */
    @JsonProperty("running") RUNNING,
    /** Waiting for a person (an approval, a budget, an escalation, a tool call to allow) or for something outside. */
    @JsonProperty("paused") PAUSED,
    @JsonProperty("succeeded") SUCCEEDED,
    @JsonProperty("failed") FAILED;

    /** The lower-case name, as journaled and shown. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Whether the run has ended (it does nothing more when resumed). */
    public boolean ended() {
        return this == SUCCEEDED || this == FAILED;
    }
}
