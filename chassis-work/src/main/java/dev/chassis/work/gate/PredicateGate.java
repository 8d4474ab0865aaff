package dev.chassis.work.gate;

import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/** A Java check of the output; {@code finding} is what the next attempt is told when it fails. */
public record PredicateGate(String name, Predicate<GateInput> test, String finding) implements Gate {

    public PredicateGate {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(finding, "finding");
    }

    @Override
    public GateVerdict check(GateInput input) {
        return test.test(input) ? new GateVerdict.Pass(name, "") : new GateVerdict.Fail(name, List.of(finding));
    }
}
