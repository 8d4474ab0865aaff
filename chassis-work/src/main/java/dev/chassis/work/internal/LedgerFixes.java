package dev.chassis.work.internal;

import dev.chassis.core.ledger.Fix;
import dev.chassis.core.tool.Effect;
import dev.chassis.core.tool.PolicyRule;
import dev.chassis.core.tool.ToolPolicy;
import dev.chassis.work.flow.StepDef;
import dev.chassis.work.gate.Gate;
import dev.chassis.work.gate.OutputGuardGate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** The work harness's share of the mistake ledger's fixes: guards on tools and outputs, notes for the context. */
public final class LedgerFixes {

    private LedgerFixes() {
    }

    /** The policy with every tool guard checked first. */
    public static ToolPolicy policy(ToolPolicy base, List<Fix> fixes) {
        ToolPolicy p = base;
        List<Fix> reversed = new ArrayList<>(fixes);
        java.util.Collections.reverse(reversed);
        for (Fix f : reversed) {
            if (f instanceof Fix.ToolGuard g) {
                Map<String, Pattern> args = new LinkedHashMap<>();
                g.arguments().forEach((k, v) -> args.put(k, Pattern.compile(v)));
                Effect effect = Effect.valueOf(g.effect().toUpperCase(Locale.ROOT));
                p = p.withFirst(new PolicyRule(effect, g.tool(), args, "ledger: " + g.reason()));
            }
        }
        return p;
    }

    /** Output guards that apply to {@code step}. */
    public static List<Gate> outputGuards(StepDef step, List<Fix> fixes) {
        List<Gate> out = new ArrayList<>();
        int n = 0;
        for (Fix f : fixes) {
            if (f instanceof Fix.OutputGuard g && (g.scope().equals("*") || g.scope().equals(step.id()))) {
                out.add(new OutputGuardGate("ledger-guard-" + (++n), Pattern.compile(g.pattern()), g.reason()));
            }
        }
        return out;
    }

    /** Context notes for the instructions, as lines for the system text. */
    public static String notes(List<Fix> fixes) {
        StringBuilder sb = new StringBuilder();
        for (Fix f : fixes) {
            if (f instanceof Fix.ContextNote n && n.target().equals("instructions")) {
                sb.append("\n- ").append(n.text());
            }
        }
        return sb.isEmpty() ? "" : "\nLessons from earlier mistakes:" + sb;
    }
}
