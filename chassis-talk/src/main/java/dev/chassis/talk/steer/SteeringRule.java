package dev.chassis.talk.steer;

import dev.chassis.talk.directive.Directive;
import java.util.Optional;

/**
 * One rule of steering: given the state and the current signals, either decides the next directive
 * or passes. Rules are tried in order; the first that decides wins. Built-in behaviour is made of
 * rules too, and applications (or fixes from the mistake ledger) put theirs in front.
 *
 * <pre>{@code
 * SteeringRule noPricingTalk = ctx -> ctx.alerts(Signal.Note.class).stream()
 *         .filter(n -> n.kind().equals("price-mentioned")).findFirst()
 *         .map(n -> new Directive.Ask(ctx.language(), ctx.currentObjective(), ctx.plan().nextQuestion().orElseThrow(), List.of(n)));
 * }</pre>
 */
@FunctionalInterface
public interface SteeringRule {

    /** The next directive, or empty to let the next rule decide. */
    Optional<Directive> decide(SteeringContext context);
}
