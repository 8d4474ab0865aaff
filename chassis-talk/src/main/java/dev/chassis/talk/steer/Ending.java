package dev.chassis.talk.steer;

import dev.chassis.talk.directive.Directive;
import dev.chassis.talk.signal.Signal;
import dev.chassis.talk.stage.Objective;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The end of an interview. It ends early (more than {@link #UNUSED} of its time left) only when every priority objective was
 * explored deeply enough by the person's answers ({@link Depth}); until then the shallow one is taken up again: its planned
 * question not asked yet, the guide's follow-up when it is the objective just talked about, a question on it from an
 * {@link dev.chassis.talk.directive.Angle} not used on it yet (what it depends on, the last time, who else is involved, ...),
 * or, with none left, the person's own words on it quoted back. An objective whose take-up was answered with what they had
 * said already is left: they have nothing more on it, once it was asked about in the guide's own words for it. When nothing is
 * left to take up, it ends and says why in the
 * session's events, naming the objective that stays shallow; why it goes on instead is in the question's own events
 * ({@link Directive.Deepen#why()}). With the time used, or every priority objective deep enough, it ends as asked.
 */
final class Ending {

    /** More than this share of the planned time left makes an end early. */
    static final double UNUSED = 0.3;
    /** Quote-probes on one objective taken up again: more would make the interview a string of "you said ...". */
    private static final int MOST_RETURNS = 2;
    /** Quote-probes in one interview: past this many the ways of asking one run out and a question would be said again. */
    private static final int MOST_QUOTE_PROBES = 5;
    /** A shorter answer ("Every day, mostly at the morning stand-up" has seven) can be specific enough to take up. */
    private static final int ANSWER_WORDS = 5;
    /** Fewer words quoted ("Honestly", "It depends") say nothing of theirs to ask about. */
    private static final int QUOTED_WORDS = 3;

    private Ending() {
    }

    /**
     * The end, or, while time is left and a priority objective is shallow, a question that takes it up again.
     *
     * @param reason why the interview would end now (kept in the session's events)
     */
    static Directive or(SteeringContext c, List<Signal> because, String reason) {
        if (BuiltInRules.timeUsed(c) >= 1 - UNUSED) {
            return new Directive.WrapUp(c.language(), because, reason);
        }
        Depth depth = Depth.of(c.state());
        List<Objective> shallow = depth.shallow(c.briefing(), c.plan());
        if (shallow.isEmpty()) {
            return new Directive.WrapUp(c.language(), because, reason + "; every priority objective explored deeply enough");
        }
        // Taken up again and answered with what they had said already: they have nothing more on that one, asking on about it
        // is pestering. Another shallow objective may still be taken up.
        List<Objective> open = shallow.stream().filter(o -> !depth.nothingMore(o.id())).toList();
        String used = Math.round(100 * BuiltInRules.timeUsed(c)) + "% of the time used";
        // First what the guide plans for them: a planned question not asked yet, the follow-up of the objective just talked about.
        for (Objective o : open) {
            Optional<Directive> planned = planned(c, o.id());
            if (planned.isPresent()) {
                return planned.get();
            }
        }
        // Answered with what they had said already, to a question from the title's angles: those may not have reached what they
        // know as that topic, the guide's own words for it may (a title is the researcher's label, session 15), so that one
        // question is asked before it is left.
        for (Objective o : shallow) {
            if (depth.nothingMore(o.id())) {
                Optional<Directive.Deepen> about = Angles.about(c, o.id(), reason + "; " + o.id() + " stays shallow (" + depth.answers(o.id())
                        + " answers of substance), answered with what was said before, with " + used + ": asked in the guide's own words for it");
                if (about.isPresent()) {
                    return about.get();
                }
            }
        }
        // Then a question from an angle not used yet, on the objective asked about least so far (the one just talked about
        // first among equals): two or so on one, then the next, never nine in a row on the same.
        java.util.Map<String, Integer> asked = new java.util.HashMap<>();
        open.forEach(o -> asked.put(o.id(), Angles.used(c, o.id()).size()));
        List<Objective> byAngles = open.stream().sorted(Comparator.comparingInt((Objective o) -> asked.get(o.id()))
                .thenComparing(o -> !o.id().equals(c.currentObjective()))).toList();
        for (Objective o : byAngles) {
            Optional<Directive.Deepen> angle = Angles.next(c, o.id(), reason + "; " + o.id() + " stays shallow (" + depth.answers(o.id())
                    + " answers of substance) with " + used + ": asked from another angle");
            if (angle.isPresent()) {
                return angle.get();
            }
        }
        // With every angle used, the person's own words on it, a few times at most.
        // The counts first: past them no words are looked for (every answer on the objective read again, its feelings too).
        for (Objective o : open) {
            if (returns(c, o.id()) >= MOST_RETURNS || quoteProbes(c) >= MOST_QUOTE_PROBES) {
                continue;
            }
            Optional<String> theirs = theirWords(c, o.id());
            if (theirs.isPresent()) {
                return new Directive.Probe(c.language(), o.id(), theirs.get(), "", List.of());
            }
        }
        return new Directive.WrapUp(c.language(), because, reason + "; nothing left to take up on "
                + String.join(", ", shallow.stream().map(Objective::id).toList()) + ", which stays shallow (" + used + ")");
    }

    /**
     * What the guide plans for {@code objective} and was not asked yet: its next planned question, or its follow-up when it
     * is the objective just talked about (on another one it would refer to nothing just said).
     */
    private static Optional<Directive> planned(SteeringContext c, String objective) {
        QuestionPlan plan = c.plan();
        String current = c.currentObjective();
        Optional<String> question = plan.nextQuestion(objective);
        if (question.isPresent()) {
            String q = plan.opened(question.get());
            return Optional.of(objective.equals(current) ? new Directive.Ask(c.language(), objective, q, List.of())
                    : new Directive.MoveOn(c.language(), current, objective, q, List.of()));
        }
        Optional<String> probe = plan.nextProbe(objective);
        return probe.isPresent() && objective.equals(current)
                ? Optional.of(new Directive.Probe(c.language(), objective, "", probe.get(), List.of()))
                : Optional.empty();
    }

    /**
     * The person's words on {@code objective} to anchor a question on: a span of at least {@link #QUOTED_WORDS} words of their
     * fullest answer to a question on it, not probed before, never a refusal, a declined topic or a hard moment (what hurt is
     * acknowledged, never quoted back for an example). Empty when they said nothing of substance on it.
     */
    static Optional<String> theirWords(SteeringContext c, String objective) {
        // Fullest first (a stable sort: among equals, the earlier answer); each answer's checks in order of cost, the reading of
        // its feelings last: read first, it was every answer on the objective read again at every turn near the end.
        List<String> answers = new java.util.ArrayList<>(answersOn(c, objective));
        answers.sort(Comparator.comparingInt((String t) -> Declining.words(t, c.language())).reversed());
        java.util.Set<String> topic = BuiltInRules.topicOf(c, objective);
        for (String answer : answers) {
            if (Declining.words(answer, c.language()) < ANSWER_WORDS || Declining.topic(answer, c.language()).isPresent()) {
                continue;
            }
            String quote = Quotes.salient(answer, 6, c.language(), topic);
            // On the objective by its own words: a span the guide's words for it never touch is about something else.
            boolean on = dev.chassis.talk.text.Analysis.termSet(quote, c.language()).stream().anyMatch(topic::contains);
            if (on && Declining.words(quote, c.language()) >= QUOTED_WORDS && !BuiltInRules.probedBefore(c, quote)
                    && !c.plan().namesDeclined(quote) && !hurt(c, answer)) {
                return Optional.of(quote);
            }
        }
        return Optional.empty();
    }

    /** Whether {@code answer} told of a hard moment: a negative feeling read in it, or one the emotion monitor noted in its words. */
    private static boolean hurt(SteeringContext c, String answer) {
        if (dev.chassis.talk.text.Feelings.read(answer, c.language()).filter(m -> m.valence() < 0).isPresent()) {
            return true;
        }
        for (var e : c.state().emotions()) {
            if (e.valence() < 0 && !e.quote().isBlank() && answer.contains(e.quote())) {
                return true;
            }
        }
        return false;
    }

    /** The person's answers to questions on {@code objective}, in order (kept by the state: no walk of the log). */
    private static List<String> answersOn(SteeringContext c, String objective) {
        return c.state().takeUps().answersOn(objective);
    }

    /** Quote-probes asked in the whole interview so far. */
    private static long quoteProbes(SteeringContext c) {
        return c.state().takeUps().quoteProbes();
    }

    /** Quote-probes on {@code objective}: how often the person's words on it were taken up already. */
    private static long returns(SteeringContext c, String objective) {
        return c.state().takeUps().returns(objective);
    }
}
