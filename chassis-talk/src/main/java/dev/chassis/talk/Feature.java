package dev.chassis.talk;

/**
 * Harness features that can be switched off, to measure what each contributes on the same engine.
 */
public enum Feature {
    /** Monitors beside the conversation; off: no signals at all. */
    MONITORS,
    /** Staged context; off: no planned questions, probes or cultural notes, only the objectives' titles. */
    STAGING,
    /** The living session state; off: steering and monitors see no memory of claims, coverage or questions asked. */
    STATE,
    /** Steering from signals; off: the planned questions in order. */
    STEERING,
    /** The first-token deadline; off: the person waits however long the model takes. */
    DEADLINE
}
