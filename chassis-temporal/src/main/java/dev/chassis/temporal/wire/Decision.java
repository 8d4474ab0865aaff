package dev.chassis.temporal.wire;

import java.util.Objects;

/**
 * What a person decided about a paused run, sent as a signal. It names the pause it answers, so a decision
 * that arrives late (the run moved on, or another person decided first) is ignored rather than taken as an
 * answer to a later question.
 *
 * @param pause the key of the pause it answers (the run's state says which one is pending)
 * @param kind  approve, reject, or look again (a wait: resume re-checks what it waits for)
 * @param by    who decided
 * @param note  why, for the run's record
 */
public record Decision(String pause, Kind kind, String by, String note) {

    /** What was decided: a closed set. */
    public enum Kind { APPROVE, REJECT, RESUME }

    public Decision {
        Objects.requireNonNull(pause, "pause");
        Objects.requireNonNull(kind, "kind");
        by = by == null || by.isBlank() ? "someone" : by;
        note = note == null ? "" : note;
    }
}
