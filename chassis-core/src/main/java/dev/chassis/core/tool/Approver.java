package dev.chassis.core.tool;

/**
 * Decides calls a policy marks {@link Effect#ASK}. May block (a person answering); the work harness
 * instead pauses the run. Implementations are thread-safe.
 */
@FunctionalInterface
public interface Approver {

    /** Refuses everything it is asked: the safe default. */
    Approver REFUSE_ALL = decision -> false;

    /** Whether the call may run. */
    boolean approve(PolicyDecision decision);
}
