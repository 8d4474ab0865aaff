package dev.chassis.core.tool;

import java.util.Optional;

/**
 * What a {@link ToolPolicy} decided for a call.
 *
 * @param rule the rule that matched; empty when the policy's default applied
 */
public record PolicyDecision(ToolCall call, Effect effect, Optional<PolicyRule> rule, String reason) {

    public String ruleDescription() {
        return rule.map(PolicyRule::describe).orElse("default");
    }
}
