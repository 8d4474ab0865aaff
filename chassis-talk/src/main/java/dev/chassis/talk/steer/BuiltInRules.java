package dev.chassis.talk.steer;

import dev.chassis.core.text.Words;
import dev.chassis.talk.directive.Directive;
import dev.chassis.talk.signal.Signal;
import java.util.List;
import java.util.Optional;

/**
 * The harness's own steering rules, in the order they are tried. Each is a plain
 * {@link SteeringRule}, like an application's.
 */
public final class BuiltInRules {

    private BuiltInRules() {
    }

    /** Every built-in rule, most urgent first. */
    public static List<SteeringRule> all() {
        return List.of(BuiltInRules::takeover, BuiltInRules::wrapUp, BuiltInRules::languageSwitch, BuiltInRules::emotion,
                BuiltInRules::contradiction, BuiltInRules::disengagement, BuiltInRules::objectiveDone, BuiltInRules::drift,
                BuiltInRules::probe, BuiltInRules::next);
    }

    /** Only the plain sequence of questions: what steering is without signals (for ablations). */
    public static List<SteeringRule> sequenceOnly() {
        return List.of(BuiltInRules::next);
    }

    static Optional<Directive> takeover(SteeringContext c) {
        return c.latest(Signal.TakeoverAttempt.class).map(t ->
                new Directive.Redirect(c.language(), c.currentObjective(), continuing(c), List.of(t)));
    }

    static Optional<Directive> wrapUp(SteeringContext c) {
        for (Signal.TimeCheck t : c.alerts(Signal.TimeCheck.class)) {
            if (t.kind().equals(Signal.TimeCheck.SESSION_ENDING)) {
                return Optional.of(new Directive.WrapUp(c.language(), List.of(t)));
            }
        }
        if (c.state().coveredShare() >= 1.0) {
            return Optional.of(new Directive.WrapUp(c.language(), List.copyOf(c.alerts(Signal.ObjectiveCovered.class))));
        }
        return Optional.empty();
    }

    static Optional<Directive> languageSwitch(SteeringContext c) {
        return c.latest(Signal.LanguageSwitched.class)
                .filter(s -> c.briefing().languages().contains(s.to()) && !s.to().equals(c.language()))
                .map(s -> new Directive.SwitchLanguage(s.to(), s.from(), c.currentObjective(), continuing(c), List.of(s)));
    }

    static Optional<Directive> emotion(SteeringContext c) {
        return c.latest(Signal.EmotionNoted.class).filter(e -> e.intensity() >= 0.6)
                .map(e -> new Directive.Acknowledge(c.language(), e.quote(), e.valence(), c.currentObjective(),
                        c.plan().simpler(c.plan().nextQuestion().orElse(lastAsked(c))), List.of(e)));
    }

    static Optional<Directive> contradiction(SteeringContext c) {
        return c.latest(Signal.Contradiction.class)
                .map(x -> new Directive.Clarify(c.language(), x.earlier(), x.later(), List.of(x)));
    }

    static Optional<Directive> disengagement(SteeringContext c) {
        Optional<Signal.EngagementDropped> dropped = c.latest(Signal.EngagementDropped.class);
        if (dropped.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> next = c.plan().nextQuestion();
        if (next.isPresent()) {
            return Optional.of(new Directive.Simplify(c.language(), c.currentObjective(), c.plan().simpler(next.get()), List.of(dropped.get())));
        }
        // A question they lost interest in is not asked again, even shorter: the next objective's, simply.
        Optional<String> objective = c.plan().nextObjective();
        return Optional.of(objective.isPresent()
                ? new Directive.Simplify(c.language(), objective.get(), c.plan().simpler(c.plan().nextQuestion(objective.get()).orElseThrow()),
                        List.of(dropped.get()))
                : new Directive.Simplify(c.language(), c.currentObjective(), c.plan().simpler(lastAsked(c)), List.of(dropped.get())));
    }

    static Optional<Directive> objectiveDone(SteeringContext c) {
        String current = c.currentObjective();
        Signal done = null;
        for (Signal.ObjectiveCovered s : c.alerts(Signal.ObjectiveCovered.class)) {
            if (s.objectiveId().equals(current)) {
                done = s;
                break;
            }
        }
        if (done == null) {
            for (Signal.TimeCheck t : c.alerts(Signal.TimeCheck.class)) {
                if (t.kind().equals(Signal.TimeCheck.OBJECTIVE_OVER_TIME) && t.objectiveId().filter(current::equals).isPresent()) {
                    done = t;
                    break;
                }
            }
        }
        if (done == null) {
            return Optional.empty();
        }
        List<Signal> because = List.of(done);
        return Optional.of(c.plan().nextObjective()
                .<Directive>map(next -> new Directive.MoveOn(c.language(), current, next, oneAtATime(c, c.plan().nextQuestion(next).orElseThrow()), because))
                .orElseGet(() -> new Directive.WrapUp(c.language(), because)));
    }

    static Optional<Directive> drift(SteeringContext c) {
        Optional<Signal.Drift> drift = c.latest(Signal.Drift.class);
        if (drift.isEmpty()) {
            return Optional.empty();
        }
        List<Signal> because = List.of(drift.get());
        Optional<String> next = c.plan().nextQuestion();
        if (next.isPresent()) {
            return Optional.of(new Directive.Ask(c.language(), c.currentObjective(), oneAtATime(c, next.get()), because));
        }
        // Everything planned here was asked: asking it again would repeat a question, so go on to the next objective.
        return Optional.of(c.plan().nextObjective()
                .<Directive>map(o -> new Directive.MoveOn(c.language(), c.currentObjective(), o, oneAtATime(c, c.plan().nextQuestion(o).orElseThrow()), because))
                .orElseGet(() -> new Directive.WrapUp(c.language(), because)));
    }

    static Optional<Directive> probe(SteeringContext c) {
        if (c.state().lastDirective().filter(Directive.Probe.class::isInstance).isPresent()
                || c.state().lastDirective().filter(Directive.Open.class::isInstance).isPresent()) {
            return Optional.empty();
        }
        String answer = c.lastAnswer();
        if (!Words.atLeast(answer, 12) || c.state().engagementNow() < 0.5
                || c.state().coverage().get(c.currentObjective()).covered() || saidBefore(c, answer)) {
            return Optional.empty();
        }
        String quote = Quotes.salient(answer, 6);
        if (probedBefore(c, quote)) {
            return Optional.empty();
        }
        return Optional.of(new Directive.Probe(c.language(), c.currentObjective(), quote, c.plan().nextProbe().orElse(""), List.of()));
    }

    static Optional<Directive> next(SteeringContext c) {
        Optional<String> q = c.plan().nextQuestion();
        if (q.isPresent()) {
            return Optional.of(new Directive.Ask(c.language(), c.currentObjective(), oneAtATime(c, q.get()), List.of()));
        }
        return Optional.of(c.plan().nextObjective()
                .<Directive>map(next -> new Directive.MoveOn(c.language(), c.currentObjective(), next,
                        c.plan().nextQuestion(next).orElseThrow(), List.of()))
                .orElseGet(() -> new Directive.WrapUp(c.language(), List.of())));
    }

    /** A double-barrelled planned question is asked in its first part: one thing at a time. */
    private static String oneAtATime(SteeringContext c, String question) {
        return QuestionCheck.doubleBarrelled(question) ? c.plan().simpler(question) : question;
    }

    /** A question to carry on with: the next planned one, else a simpler form of the last. */
    private static String continuing(SteeringContext c) {
        return c.plan().nextQuestion().map(q -> oneAtATime(c, q)).orElseGet(() -> c.plan().simpler(lastAsked(c)));
    }

    // Steering runs on the turn's path: these checks look back over the recent conversation only, so their
    // cost stays flat however long the session grows. A repeat from long ago is not the repeat that grates.
    private static final int RECENT_LINES = 40;
    private static final int RECENT_EVENTS = 400;

    /** Whether the person gave this very answer recently: they have nothing to add, so probing it gets nowhere. */
    private static boolean saidBefore(SteeringContext c, String answer) {
        var lines = c.state().transcript();
        int same = 0;
        for (int i = Math.max(0, lines.size() - RECENT_LINES); i < lines.size(); i++) {
            if (lines.get(i).speaker() == dev.chassis.talk.state.Line.Speaker.USER && lines.get(i).text().strip().equals(answer.strip())) {
                same++;
            }
        }
        return same > 1; // the last answer itself is in the transcript once
    }

    /** Whether these words were probed recently: the same probe twice is a repeated question. */
    private static boolean probedBefore(SteeringContext c, String quote) {
        var log = c.state().log();
        for (int i = log.size() - 1; i >= Math.max(0, log.size() - RECENT_EVENTS); i--) {
            if (log.get(i) instanceof dev.chassis.talk.state.SessionEvent.DirectiveIssued d && d.directive() instanceof Directive.Probe p
                    && p.quote().equalsIgnoreCase(quote)) {
                return true;
            }
        }
        return false;
    }

    private static String lastAsked(SteeringContext c) {
        return c.state().asked().isEmpty() ? c.briefing().objective(c.currentObjective()).questions().getFirst() : c.state().asked().last();
    }
}
