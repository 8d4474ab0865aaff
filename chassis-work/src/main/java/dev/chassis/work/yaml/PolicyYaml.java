package dev.chassis.work.yaml;

import dev.chassis.core.input.YamlLocator;
import dev.chassis.core.tool.Effect;
import dev.chassis.core.tool.ToolPolicy;
import dev.chassis.work.flow.RunBudget;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A workflow file's {@code policy:} (allow, deny or ask per tool, with argument patterns, and rate limits)
 * and {@code budget:} (the whole run's), each problem located by file, line and field.
 *
 * <pre>{@code
 * policy:
 *   default: allow                       # what a call no rule matches gets (unset: the harness's; the CLI's allows)
 *   rules:
 *     - {tool: send_invite, effect: ask, reason: "a person reads each invitation first"}
 *     - {tool: write_file, effect: deny, arguments: {/path: "/etc/.*"}}
 *   limits:
 *     - {tool: "send_*", calls: 5, per: 1m}
 * budget: {tokens: 50000, cost: 2.0, wallTime: 30m}
 * }</pre>
 */
final class PolicyYaml {

    private PolicyYaml() {
    }

    static Optional<ToolPolicy> policy(WorkflowFile.PolicyFile p, String source, String text, Set<String> knownTools) {
        if (p == null) {
            return Optional.empty();
        }
        ToolPolicy.Builder b = ToolPolicy.builder();
        if (p.otherwise() != null) {
            b.defaultEffect(effect(p.otherwise(), "policy.default", source, text));
        }
        List<WorkflowFile.RuleFile> rules = p.rules() == null ? List.of() : p.rules();
        for (int i = 0; i < rules.size(); i++) {
            WorkflowFile.RuleFile r = rules.get(i);
            String at = "policy.rules[" + i + "]";
            String tool = tool(r.tool(), at, source, text, knownTools);
            if (r.effect() == null) {
                throw YamlLocator.error(source, text, at, "a policy rule needs an effect: allow, deny or ask");
            }
            Effect effect = effect(r.effect(), at + ".effect", source, text);
            Map<String, String> arguments = r.arguments() == null ? Map.of() : r.arguments();
            arguments.forEach((pointer, regex) -> {
                if (!pointer.startsWith("/")) {
                    throw YamlLocator.error(source, text, at + ".arguments", "an argument is named by a JSON Pointer starting with '/', "
                            + "for example /to, not '" + pointer + "'");
                }
                try {
                    Pattern.compile(regex == null ? "" : regex);
                } catch (java.util.regex.PatternSyntaxException e) {
                    throw YamlLocator.error(source, text, at + ".arguments." + pointer, "not a valid regex: " + e.getDescription());
                }
            });
            b.rule(effect, tool, arguments, r.reason() == null ? "" : r.reason());
        }
        List<WorkflowFile.LimitFile> limits = p.limits() == null ? List.of() : p.limits();
        for (int i = 0; i < limits.size(); i++) {
            WorkflowFile.LimitFile l = limits.get(i);
            String at = "policy.limits[" + i + "]";
            String tool = tool(l.tool(), at, source, text, knownTools);
            if (l.calls() == null || l.calls() < 1) {
                throw YamlLocator.error(source, text, at + ".calls", "a rate limit allows at least 1 call (calls: 5 per: 1m), was " + l.calls());
            }
            if (l.per() == null) {
                throw YamlLocator.error(source, text, at + ".per", "a rate limit needs a time: per: 1m");
            }
            b.limit(tool, l.calls(), WorkflowYaml.duration(l.per(), at + ".per", source, text));
        }
        return Optional.of(b.build());
    }

    static RunBudget budget(WorkflowFile.RunBudgetFile b, String source, String text) {
        if (b == null) {
            return RunBudget.NONE;
        }
        RunBudget budget = RunBudget.NONE;
        if (b.tokens() != null) {
            budget = budget.withTokens(positive(b.tokens(), "budget.tokens", source, text).intValue());
        }
        if (b.cost() != null) {
            budget = budget.withCost(positive(b.cost(), "budget.cost", source, text).doubleValue());
        }
        if (b.wallTime() != null) {
            budget = budget.withWallTime(WorkflowYaml.duration(b.wallTime(), "budget.wallTime", source, text));
        }
        return budget;
    }

    private static Number positive(Number n, String at, String source, String text) {
        if (n.doubleValue() <= 0) {
            throw YamlLocator.error(source, text, at, "a run's budget must be more than 0, was " + n);
        }
        return n;
    }

    private static Effect effect(String value, String at, String source, String text) {
        try {
            return Effect.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw YamlLocator.error(source, text, at, "must be allow, deny or ask, was '" + value + "'");
        }
    }

    /** A tool name or glob; a plain name must be one of the harness's tools (a typo would never match). */
    private static String tool(String tool, String at, String source, String text, Set<String> knownTools) {
        if (tool == null || tool.isBlank()) {
            throw YamlLocator.error(source, text, at + ".tool", "needs a tool name or glob, for example send_invite or send_*");
        }
        boolean glob = tool.contains("*") || tool.contains("?");
        if (!glob && !knownTools.contains(tool)) {
            throw YamlLocator.error(source, text, at + ".tool", "no tool is named '" + tool + "'; known tools: "
                    + String.join(", ", new TreeSet<>(knownTools)));
        }
        return tool;
    }
}
