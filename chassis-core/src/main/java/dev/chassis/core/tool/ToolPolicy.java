package dev.chassis.core.tool;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Declarative allow / deny / ask rules over tool names and argument patterns. The first matching rule
 * decides; when none matches, the default effect applies. Immutable and thread-safe.
 *
 * <pre>{@code
 * ToolPolicy policy = ToolPolicy.builder()
 *         .deny("write_file", Map.of("/path", "/etc/.*"), "never touch system files")
 *         .ask("send_*", "messages to participants need a person's approval")
 *         .allow("*")
 *         .build();
 * }</pre>
 */
public final class ToolPolicy {

    private final List<PolicyRule> rules;
    private final Effect defaultEffect;

    private ToolPolicy(List<PolicyRule> rules, Effect defaultEffect) {
        this.rules = List.copyOf(rules);
        this.defaultEffect = defaultEffect;
    }

    /** A policy that allows every call. */
    public static ToolPolicy allowAll() {
        return new ToolPolicy(List.of(), Effect.ALLOW);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The decision for {@code call}. */
    public PolicyDecision decide(ToolCall call) {
        for (PolicyRule rule : rules) {
            if (rule.matches(call)) {
                return new PolicyDecision(call, rule.effect(), Optional.of(rule),
                        rule.reason().isBlank() ? "matched " + rule.describe() : rule.reason());
            }
        }
        return new PolicyDecision(call, defaultEffect, Optional.empty(), "no rule matched; default is " + defaultEffect);
    }

    public List<PolicyRule> rules() {
        return rules;
    }

    public Effect defaultEffect() {
        return defaultEffect;
    }

    /** A copy with {@code rule} checked before every existing rule (how the mistake ledger adds guards). */
    public ToolPolicy withFirst(PolicyRule rule) {
        List<PolicyRule> all = new ArrayList<>();
        all.add(rule);
        all.addAll(rules);
        return new ToolPolicy(all, defaultEffect);
    }

    /** Builds a policy; each method validates its input at once. Not thread-safe. */
    public static final class Builder {
        private final List<PolicyRule> rules = new ArrayList<>();
        private Effect defaultEffect = Effect.DENY;

        private Builder() {
        }

        public Builder allow(String toolGlob) {
            return rule(Effect.ALLOW, toolGlob, Map.of(), "");
        }

        public Builder deny(String toolGlob, String reason) {
            return rule(Effect.DENY, toolGlob, Map.of(), reason);
        }

        public Builder deny(String toolGlob, Map<String, String> argumentRegexes, String reason) {
            return rule(Effect.DENY, toolGlob, argumentRegexes, reason);
        }

        public Builder ask(String toolGlob, String reason) {
            return rule(Effect.ASK, toolGlob, Map.of(), reason);
        }

        public Builder ask(String toolGlob, Map<String, String> argumentRegexes, String reason) {
            return rule(Effect.ASK, toolGlob, argumentRegexes, reason);
        }

        /** Adds a rule; argument patterns are JSON Pointers to full-match regexes. */
        public Builder rule(Effect effect, String toolGlob, Map<String, String> argumentRegexes, String reason) {
            Objects.requireNonNull(effect, "effect");
            if (toolGlob == null || toolGlob.isBlank()) {
                throw new IllegalArgumentException("a policy rule needs a tool name or glob");
            }
            Map<String, Pattern> patterns = new LinkedHashMap<>();
            argumentRegexes.forEach((pointer, regex) -> {
                try {
                    patterns.put(pointer, Pattern.compile(regex));
                } catch (PatternSyntaxException e) {
                    throw new IllegalArgumentException("policy rule for '" + toolGlob + "': argument " + pointer
                            + " has an invalid regex: " + e.getDescription());
                }
            });
            rules.add(new PolicyRule(effect, toolGlob, patterns, reason));
            return this;
        }

        /** What happens to a call no rule matches; {@link Effect#DENY} unless set. */
        public Builder defaultEffect(Effect effect) {
            this.defaultEffect = Objects.requireNonNull(effect, "effect");
            return this;
        }

        public ToolPolicy build() {
            return new ToolPolicy(rules, defaultEffect);
        }
    }
}
