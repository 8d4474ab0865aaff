package dev.chassis.work.gate;

/**
 * Checks a step's output between steps. May have side effects (a command gate runs a process), so
 * the harness journals every verdict and never re-runs a gate whose verdict is recorded. Built-in
 * gates are records of this package; applications write their own the same way.
 *
 * <pre>{@code
 * Gate hasThemes = Gate.of("has-themes", in -> in.json().map(j -> j.path("themes").size() > 0).orElse(false)
 *         ? new GateVerdict.Pass("has-themes", "") : new GateVerdict.Fail("has-themes", List.of("no themes found")));
 * }</pre>
 */
public interface Gate {

    /** A name unique within the step, used in findings and the journal. */
    String name();

    GateVerdict check(GateInput input) throws Exception;

    static Gate of(String name, Check check) {
        return new Gate() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public GateVerdict check(GateInput input) throws Exception {
                return check.check(input);
            }
        };
    }

    /** The body of a gate. */
    @FunctionalInterface
    interface Check {
        GateVerdict check(GateInput input) throws Exception;
    }
}
