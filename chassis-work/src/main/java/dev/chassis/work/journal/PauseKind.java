package dev.chassis.work.journal;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Why a run waits: a closed set, journaled (in {@link RunEvent.Paused} and {@link RunEvent.Decided}) by its lower-case name. */
public enum PauseKind {
    /** An approval gate: a person approves the output (it is accepted) or rejects it (the step fails). */
    @JsonProperty("approval") APPROVAL,
    /** The step came near its budget (or the run near the run's budget): a person lets it go on, or stops it. */
    @JsonProperty("budget") BUDGET,
    /** The step used its attempts: a person accepts the last output, or fails the step. */
    @JsonProperty("escalation") ESCALATION,
    /** Something outside must happen first (people, files): resuming does the step again; rejecting fails it. */
    @JsonProperty("wait") WAIT,
    /** The tool policy says ask: a person allows the tool call (it runs) or refuses it (the model hears it was refused). */
    @JsonProperty("tool") TOOL;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
