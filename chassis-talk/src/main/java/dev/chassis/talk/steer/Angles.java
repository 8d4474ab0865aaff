package dev.chassis.talk.steer;

import dev.chassis.talk.directive.Angle;
import dev.chassis.talk.directive.Directive;
import dev.chassis.talk.state.SessionEvent;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Which {@link Angle} to ask for more on an objective from: one not used on it yet in this interview (so no wording is said
 * twice), "on what?" only right after an answer that said it depends and no more, and only where the objective can be
 * named in the session's language (its title, said first in the question, so no language has to inflect it).
 */
final class Angles {

    /** A longer title is a sentence, not a name for a topic: no question is built around it. */
    private static final int MOST_TITLE_WORDS = 7;

    private Angles() {
    }

    /** The next angle on {@code objective}, with the name the question gives it; empty when none is left or it has no name. */
    static Optional<Directive.Deepen> next(SteeringContext c, String objective, String why) {
        Optional<String> topic = topic(c, objective);
        if (topic.isEmpty()) {
            return Optional.empty();
        }
        Set<Angle> used = used(c, objective);
        if (!used.contains(Angle.DEPENDS) && dependsJustSaid(c, objective)) {
            return Optional.of(new Directive.Deepen(c.language(), objective, topic.get(), Angle.DEPENDS, why, java.util.List.of()));
        }
        // After something hard was told, "what is the most difficult part?" would ask them back into it.
        boolean hurt = c.state().emotions().stream().anyMatch(e -> e.valence() < 0 && e.intensity() >= dev.chassis.talk.text.Feelings.STRONG);
        // Angles not asked anywhere yet first, then any but the one just asked: the same question on the next topic, right
        // after it was asked on this one, is heard as a repeat ("...: what happened the last time it came up?" twice).
        // One walk of the log: the angles asked anywhere, in order (the last one is the one just asked).
        java.util.List<Angle> asked = new java.util.ArrayList<>();
        for (SessionEvent e : c.state().log()) {
            if (e instanceof SessionEvent.DirectiveIssued d && d.directive() instanceof Directive.Deepen m) {
                asked.add(m.angle());
            }
        }
        Set<Angle> anywhere = asked.isEmpty() ? EnumSet.noneOf(Angle.class) : EnumSet.copyOf(asked);
        Optional<Angle> last = asked.isEmpty() ? Optional.empty() : Optional.of(asked.getLast());
        Optional<Angle> pick = java.util.Arrays.stream(Angle.values())
                .filter(a -> a != Angle.DEPENDS && !used.contains(a) && !(hurt && a == Angle.HARDEST))
                .min(java.util.Comparator.comparingInt((Angle a) -> anywhere.contains(a) ? 1 : 0)
                        .thenComparingInt(a -> last.filter(a::equals).isPresent() ? 1 : 0));
        return pick.map(a -> new Directive.Deepen(c.language(), objective, topic.get(), a, why, java.util.List.of()));
    }

    /**
     * The rule: "it depends", and no more, as the answer to a question on the current objective is asked "on what?" (once
     * per objective), as a researcher would, before anything else the answer might prompt.
     */
    static Optional<Directive> onWhat(SteeringContext c) {
        String objective = c.currentObjective();
        if (!dependsJustSaid(c, objective) || c.plan().declined(objective) || used(c, objective).contains(Angle.DEPENDS)) {
            return Optional.empty();
        }
        return topic(c, objective).<Directive>map(t -> new Directive.Deepen(c.language(), objective, t, Angle.DEPENDS,
                "they said it depends, not on what", java.util.List.of()));
    }

    /** Whether the last answer, to a question on {@code objective}, said it depends and no more. */
    private static boolean dependsJustSaid(SteeringContext c, String objective) {
        boolean on = c.state().lastDirective().flatMap(Directive::objective).filter(objective::equals).isPresent();
        return on && Depends.bare(c.lastAnswer(), c.language());
    }

    /** The objective's title in the session's language, where the guide words it there and it is short enough to name it. */
    static Optional<String> topic(SteeringContext c, String objective) {
        if (!c.plan().wordedIn().equals(c.language())) {
            return Optional.empty(); // a title in the guide's language would mix two languages in one turn
        }
        String title = c.plan().objective(objective).title().strip().replaceAll("[\\s.:;!?。？！]+$", "");
        int words = Declining.words(title, c.language());
        return title.isEmpty() || words > MOST_TITLE_WORDS ? Optional.empty() : Optional.of(title);
    }

    /** The angles asked on {@code objective} in this interview. */
    static Set<Angle> used(SteeringContext c, String objective) {
        Set<Angle> out = EnumSet.noneOf(Angle.class);
        for (SessionEvent e : c.state().log()) {
            if (e instanceof SessionEvent.DirectiveIssued d && d.directive() instanceof Directive.Deepen m && m.objectiveId().equals(objective)) {
                out.add(m.angle());
            }
        }
        return out;
    }
}
