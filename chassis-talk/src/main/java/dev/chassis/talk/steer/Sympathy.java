package dev.chassis.talk.steer;

import dev.chassis.talk.directive.Directive;
import dev.chassis.talk.signal.Signal;
import dev.chassis.talk.text.Feelings;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A hard moment told in the very answer where the person also declines a topic, switches language, asks to stop or the
 * time runs out: those rules come before the acknowledgement, and the reply used to be "That's completely fine, we'll
 * skip it" after "my partner died in March and I don't want to talk about it". The chosen directive keeps its job and
 * carries the moment, so the reply meets it with sympathy first ({@link Directive#hardMoment()}); the moment is then
 * acted on, and not acknowledged a turn late after a new question.
 */
final class Sympathy {

    private Sympathy() {
    }

    /** {@code chosen}, carrying a hard moment of the last answer when it is one of the directives that come before meeting it. */
    static Directive carried(SteeringContext c, Directive chosen) {
        int answered = c.state().lastUserLine().map(l -> l.turn()).orElse(-1);
        Optional<Signal.EmotionNoted> hard = c.latest(Signal.EmotionNoted.class)
                .filter(e -> e.turn() == answered && e.valence() < 0 && e.intensity() >= Feelings.STRONG);
        if (hard.isEmpty()) {
            return chosen;
        }
        Signal.EmotionNoted e = hard.get();
        return switch (chosen) {
            case Directive.Respect r -> new Directive.Respect(r.language(), r.objectiveId(), r.terms(), r.toObjective(), r.text(), with(r.because(), e));
            case Directive.WrapUp w -> new Directive.WrapUp(w.language(), with(w.because(), e), w.reason());
            case Directive.SwitchLanguage s -> new Directive.SwitchLanguage(s.language(), s.from(), s.objectiveId(), s.text(), with(s.because(), e));
            case Directive.KeepLanguage k -> new Directive.KeepLanguage(k.language(), k.spoken(), with(k.because(), e));
            case Directive.Redirect r -> new Directive.Redirect(r.language(), r.objectiveId(), r.text(), with(r.because(), e));
            default -> chosen;
        };
    }

    private static List<Signal> with(List<Signal> because, Signal e) {
        List<Signal> all = new ArrayList<>(because);
        all.add(e);
        return List.copyOf(all);
    }
}
