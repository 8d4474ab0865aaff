package dev.chassis.core.tool;

/** What a policy rule does with a matching call. */
public enum Effect {
    /** Run it. */
    ALLOW,
    /** Refuse it. */
    DENY,
    /** Ask an {@link Approver} first (a person, or a rule of the application). */
    ASK
}
