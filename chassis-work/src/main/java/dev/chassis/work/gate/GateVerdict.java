package dev.chassis.work.gate;

import java.util.List;

/** What a gate decided: a closed set. */
public sealed interface GateVerdict {

    String gate();

    /** The output is accepted; {@code note} says why or with what score. */
    record Pass(String gate, String note) implements GateVerdict { }

    /** The output is refused; the findings go into the next attempt's prompt. */
    record Fail(String gate, List<String> findings) implements GateVerdict {
        public Fail {
            findings = List.copyOf(findings);
        }
    }

    /** A person must decide; the run pauses until they approve or reject. */
    record Pause(String gate, String reason) implements GateVerdict { }

    /**
     * The output cannot be judged yet because something outside has to happen first (people take part,
     * files arrive): the run pauses, and resuming it does the step again (a new attempt that does not
     * count against the step's attempts); rejecting it fails the step.
     */
    record Wait(String gate, String reason) implements GateVerdict { }
}
