package dev.chassis.work.flow;

/** What a step does when its attempts are used up. */
public enum Escalation {
    /** Pause the run until a person approves (accept the last output) or rejects (fail). */
    PAUSE,
    /** Fail the run with the evidence. */
    FAIL
}
