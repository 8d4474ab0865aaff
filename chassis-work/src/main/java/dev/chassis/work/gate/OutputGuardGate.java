package dev.chassis.work.gate;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Refuses output matching a pattern: how a fix from the mistake ledger keeps a wrong output from recurring. */
public record OutputGuardGate(String name, Pattern pattern, String reason) implements Gate {

    @Override
    public GateVerdict check(GateInput input) {
        Matcher m = pattern.matcher(input.output());
        return m.find()
                ? new GateVerdict.Fail(name, List.of("the output contains \"" + m.group() + "\", which is not allowed: " + reason))
                : new GateVerdict.Pass(name, "");
    }
}
