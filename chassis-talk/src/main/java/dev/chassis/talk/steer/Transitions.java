package dev.chassis.talk.steer;

import dev.chassis.talk.directive.Directive;
import java.util.List;
import java.util.Optional;

/**
 * How the conversation goes from one objective to another so that the words fit what was just said. A stock "let's move to
 * another topic" right after a put-back would brush the person's answer to it aside (and the next question is often on the
 * very thing just clarified, say how often they use something): there the next question is asked after a plain
 * acknowledgement instead. A guide follow-up ("What did you expect to happen at that point?") is written to follow an
 * answer on its own objective; asked on another one it would refer to nothing just said, so it is taken back to the
 * person's own words on that objective ("Going back to "...": ..."), and not moved there when they said nothing on it to
 * anchor it.
 */
final class Transitions {

    private Transitions() {
    }

    /** {@code chosen} as it is said after the reply before: a move to another objective right after a put-back is no stock transition. */
    static Directive fitted(SteeringContext c, Directive chosen) {
        if (chosen instanceof Directive.MoveOn m && c.state().lastDirective().filter(Directive.Clarify.class::isInstance).isPresent()) {
            return new Directive.Ask(m.language(), m.toObjective(), m.text(), m.because());
        }
        return chosen;
    }

    /**
     * The guide's follow-up {@code probe} of {@code objective}: as it is on the objective just talked about, else anchored on
     * the person's words on it; empty when they said nothing on it that could anchor it.
     */
    static Optional<Directive> followUp(SteeringContext c, String objective, String probe) {
        if (objective.equals(c.currentObjective())) {
            return Optional.of(new Directive.Probe(c.language(), objective, "", probe, List.of()));
        }
        return Ending.theirWords(c, objective).map(quote -> new Directive.Probe(c.language(), objective, quote, probe, List.of()));
    }
}
