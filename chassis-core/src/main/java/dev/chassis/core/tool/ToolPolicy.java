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
 * Declarative allow / deny / ask rules over tool names and argument patterns, and rate limits. The
 * first matching rule decides; when none matches, the default effect applies. Immutable and thread-safe.
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
    private final Optional<Effect> explicitDefault;
    private final List<RateLimit> limits;

    private ToolPolicy(List<PolicyRule> rules, Optional<Effect> explicitDefault, List<RateLimit> limits) {
        this.rules = List.copyOf(rules);
        this.explicitDefault = explicitDefault;
        this.limits = List.copyOf(limits);
    }

    /** A policy that allows every call. */
    public static ToolPolicy allowAll() {
        return new ToolPolicy(List.of(), Optional.of(Effect.ALLOW), List.of());
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
        Effect fallback = defaultEffect();
        return new PolicyDecision(call, fallback, Optional.empty(), "no rule matched; default is " + fallback);
    }

    public List<PolicyRule> rules() {
        return rules;
    }

    /** What happens to a call no rule matches: the one set, else {@link Effect#DENY}. */
    public Effect defaultEffect() {
        return explicitDefault.orElse(Effect.DENY);
    }

    /** The rate limits; a call waits until it is within every one that matches it. */
    public List<RateLimit> limits() {
        return limits;
    }

    /** A copy with {@code rule} checked before every existing rule (how the mistake ledger adds guards). */
    public ToolPolicy withFirst(PolicyRule rule) {
        List<PolicyRule> all = new ArrayList<>();
        all.add(rule);
        all.addAll(rules);
        return new ToolPolicy(all, explicitDefault, limits);
    }

    /**
     * This policy layered over {@code base}: this one's rules first, then the base's; this one's default
     * when it set one, else the base's; both one's rate limits. How a workflow's own policy meets the harness's.
     */
    public ToolPolicy over(ToolPolicy base) {
        List<PolicyRule> all = new ArrayList<>(rules);
        all.addAll(base.rules);
        List<RateLimit> allLimits = new ArrayList<>(limits);
        allLimits.addAll(base.limits);
        return new ToolPolicy(all, explicitDefault.or(() -> base.explicitDefault), allLimits);
    }

    /** Builds a policy; each method validates its input at once. Not thread-safe. */
    public static final class Builder {
        private final List<PolicyRule> rules = new ArrayList<>();
        private final List<RateLimit> limits = new ArrayList<>();
        private Effect defaultEffect;

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

        /** What happens to a call no rule matches; {@link Effect#DENY} unless set (or, layered, the base's). */
        public Builder defaultEffect(Effect effect) {
            this.defaultEffect = Objects.requireNonNull(effect, "effect");
            return this;
        }

        /** At most {@code permits} calls per {@code per} to tools matching {@code toolGlob}. */
        public Builder limit(String toolGlob, int permits, java.time.Duration per) {
            limits.add(new RateLimit(toolGlob, permits, per));
            return this;
        }

        public ToolPolicy build() {
            return new ToolPolicy(rules, Optional.ofNullable(defaultEffect), limits);
        }
    }
}
