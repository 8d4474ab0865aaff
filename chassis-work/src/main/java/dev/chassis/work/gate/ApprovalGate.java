package dev.chassis.work.gate;

import java.util.Objects;

/**
 * A person must approve the output: the run pauses until someone approves (the output is accepted)
 * or rejects (the step fails), through the API or {@code chassis approve|reject}.
 */
public record ApprovalGate(String name, String question) implements Gate {

    public ApprovalGate {
        Objects.requireNonNull(name, "name");
        question = question == null || question.isBlank() ? "Approve this output?" : question;
    }

    @Override
    public GateVerdict check(GateInput input) {
        return new GateVerdict.Pause(name, question);
    }
}
