package dev.chassis.talk.monitor;

import dev.chassis.talk.signal.Claim;
import java.util.Optional;

/**
 * Decides whether two claims on the same subject contradict each other, for the pairs the
 * contradiction monitor's rules cannot settle: typically a real model (see
 * {@link ModelContradictionJudge}). Called on a monitor thread, within the monitor's budget.
 */
@FunctionalInterface
public interface ContradictionJudge {

    /** A short reason when they contradict; empty when they do not. */
    Optional<String> judge(Claim earlier, Claim later) throws Exception;
}
