package dev.chassis.work.gate;

import java.util.List;
import java.util.Objects;

/** The agent must have opened this instruction document (with {@code open_instructions}) before its output counts. */
public record RequiresReadGate(String document) implements Gate {

    public RequiresReadGate {
        Objects.requireNonNull(document, "document");
    }

    @Override
    public String name() {
        return "read:" + document;
    }

    @Override
    public GateVerdict check(GateInput input) {
        return input.documentsRead().contains(document)
                ? new GateVerdict.Pass(name(), "read")
                : new GateVerdict.Fail(name(), List.of("open the instructions in '" + document + "' (open_instructions) before answering"));
    }
}
