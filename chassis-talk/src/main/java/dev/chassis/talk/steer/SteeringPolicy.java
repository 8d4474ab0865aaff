package dev.chassis.talk.steer;

import dev.chassis.talk.directive.Directive;
import dev.chassis.talk.stage.Objective;
import dev.chassis.talk.state.SessionState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns the state and its pending signals into the next {@link Directive}, by trying rules in order.
 * Immutable and thread-safe; a decision takes microseconds.
 *
 * <pre>{@code
 * SteeringPolicy policy = SteeringPolicy.builtIn().withFirst(myRule);
 * Directive next = policy.decide(log.snapshot());
 * }</pre>
 */
public final class SteeringPolicy {

    private final List<SteeringRule> rules;

    private SteeringPolicy(List<SteeringRule> rules) {
        if (rules.isEmpty()) {
            throw new IllegalArgumentException("a steering policy needs at least one rule");
        }
        this.rules = List.copyOf(rules);
    }

    /** Every built-in rule. */
    public static SteeringPolicy builtIn() {
        return new SteeringPolicy(BuiltInRules.all());
    }

    /** Just the planned questions in order: steering switched off. */
    public static SteeringPolicy sequenceOnly() {
        return new SteeringPolicy(BuiltInRules.sequenceOnly());
    }

    public static SteeringPolicy of(List<SteeringRule> rules) {
        return new SteeringPolicy(rules);
    }

    /** A copy with {@code rule} tried before all others. */
    public SteeringPolicy withFirst(SteeringRule rule) {
        List<SteeringRule> all = new ArrayList<>();
        all.add(rule);
        all.addAll(rules);
        return new SteeringPolicy(all);
    }

    /** The directive for the next reply. */
    public Directive decide(SessionState state) {
        SteeringContext context = SteeringContext.of(state);
        for (SteeringRule rule : rules) {
            Optional<Directive> d = rule.decide(context);
            if (d.isPresent()) {
                return Sympathy.carried(context, Transitions.fitted(context, d.get()));
            }
        }
        return new Directive.WrapUp(state.language(), List.of(), "no steering rule had anything left to ask");
    }

    /** The opening directive: the briefing's opening, then the first question of the most important objective. */
    public Directive opening(SessionState state) {
        Objective first = state.staged().briefing().objectives().getFirst();
        return new Directive.Open(state.language(), state.staged().briefing().opening(), first.id(), first.questions().getFirst(), List.of());
    }
}
