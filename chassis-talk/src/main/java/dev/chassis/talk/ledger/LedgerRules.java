package dev.chassis.talk.ledger;

import dev.chassis.core.ledger.Fix;
import dev.chassis.talk.directive.Directive;
import dev.chassis.talk.signal.Signal;
import dev.chassis.talk.stage.Briefing;
import dev.chassis.talk.steer.Quotes;
import dev.chassis.talk.steer.SteeringContext;
import dev.chassis.talk.steer.SteeringRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns the ledger's steering-rule fixes into {@link SteeringRule}s. A fix's {@code when} is a signal
 * kind ({@code engagement-dropped}, {@code contradiction}, {@code takeover}, {@code emotion},
 * {@code language-switch}, {@code drift}, {@code covered}) or {@code answer~<regex>} on the person's
 * last answer; its {@code then} is the directive to give instead ({@code simplify}, {@code probe},
 * {@code move-on}, {@code ask}, {@code redirect}, {@code wrap-up}, {@code clarify}, {@code acknowledge}).
 */
public final class LedgerRules {

    private static final java.util.Set<String> THEN = java.util.Set.of("simplify", "probe", "ask", "redirect", "wrapup", "moveon",
            "clarify", "acknowledge");

    private LedgerRules() {
    }

    /** The steering rules among {@code fixes}, in order. */
    public static List<SteeringRule> steering(List<Fix> fixes) {
        List<SteeringRule> out = new ArrayList<>();
        for (Fix f : fixes) {
            if (f instanceof Fix.SteeringRule r) {
                out.add(rule(r));
            }
        }
        return out;
    }

    /** Rules from context notes aimed at staging, to add to a briefing's rules. */
    public static List<String> stagedNotes(List<Fix> fixes) {
        return fixes.stream().filter(f -> f instanceof Fix.ContextNote n && n.target().equals("staged"))
                .map(f -> ((Fix.ContextNote) f).text()).toList();
    }

    /** {@code briefing} with {@code notes} after its own rules (the same briefing when there are none). */
    public static Briefing withNotes(Briefing briefing, List<String> notes) {
        if (notes.isEmpty()) {
            return briefing;
        }
        List<String> rules = new ArrayList<>(briefing.rules());
        notes.stream().filter(n -> !rules.contains(n)).forEach(rules::add);
        return briefing.toBuilder().rules(rules).build();
    }

    static SteeringRule rule(Fix.SteeringRule fix) {
        String when = fix.when().strip();
        String then = fix.then().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
        Pattern answer = when.startsWith("answer~") ? Pattern.compile(when.substring("answer~".length())) : null;
        Class<? extends Signal> signal = answer != null ? null : signal(when);
        if (!THEN.contains(then)) {
            throw new IllegalArgumentException("steering fix: unknown 'then' directive '" + fix.then()
                    + "'; use simplify, probe, ask, redirect, wrap-up, move-on, clarify or acknowledge");
        }
        return ctx -> {
            List<Signal> because = new ArrayList<>();
            if (answer != null) {
                if (!answer.matcher(ctx.lastAnswer()).find()) {
                    return Optional.empty();
                }
            } else {
                Optional<? extends Signal> s = ctx.latest(signal);
                if (s.isEmpty()) {
                    return Optional.empty();
                }
                because.add(s.get());
            }
            return directive(then, ctx, because);
        };
    }

    private static Optional<Directive> directive(String then, SteeringContext c, List<Signal> because) {
        String l = c.language();
        String current = c.currentObjective();
        String next = c.plan().nextQuestion().orElseGet(() -> c.plan().simpler(lastAsked(c)));
        return switch (then) {
            case "simplify" -> Optional.of(new Directive.Simplify(l, current, c.plan().simpler(next), because));
            case "probe" -> Optional.of(new Directive.Probe(l, current, Quotes.salient(c.lastAnswer(), 6), "", because));
            case "ask" -> Optional.of(new Directive.Ask(l, current, next, because));
            case "redirect" -> Optional.of(new Directive.Redirect(l, current, next, because));
            case "wrapup" -> Optional.of(new Directive.WrapUp(l, because));
            case "moveon" -> Optional.of(c.plan().nextObjective()
                    .<Directive>map(o -> new Directive.MoveOn(l, current, o, c.plan().nextQuestion(o).orElseThrow(), because))
                    .orElseGet(() -> new Directive.WrapUp(l, because)));
            case "clarify" -> c.latest(Signal.Contradiction.class).map(x -> new Directive.Clarify(l, x.earlier(), x.later(), because));
            case "acknowledge" -> c.latest(Signal.EmotionNoted.class)
                    .map(e -> new Directive.Acknowledge(l, e.quote(), e.valence(), current, c.plan().simpler(next), because));
            default -> throw new IllegalArgumentException("steering fix: unknown 'then' directive '" + then
                    + "'; use simplify, probe, ask, redirect, wrap-up, move-on, clarify or acknowledge");
        };
    }

    private static String lastAsked(SteeringContext c) {
        return c.state().asked().isEmpty() ? c.briefing().objective(c.currentObjective()).questions().getFirst() : c.state().asked().last();
    }

    private static Class<? extends Signal> signal(String when) {
        return switch (when) {
            case "engagement-dropped" -> Signal.EngagementDropped.class;
            case "contradiction" -> Signal.Contradiction.class;
            case "takeover" -> Signal.TakeoverAttempt.class;
            case "emotion" -> Signal.EmotionNoted.class;
            case "language-switch" -> Signal.LanguageSwitched.class;
            case "drift" -> Signal.Drift.class;
            case "covered" -> Signal.ObjectiveCovered.class;
            case "time" -> Signal.TimeCheck.class;
            default -> throw new IllegalArgumentException("steering fix: unknown 'when' '" + when + "'; use a signal kind "
                    + "(engagement-dropped, contradiction, takeover, emotion, language-switch, drift, covered, time) or answer~<regex>");
        };
    }
}
