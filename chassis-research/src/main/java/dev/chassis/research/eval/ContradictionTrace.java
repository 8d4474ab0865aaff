package dev.chassis.research.eval;

import dev.chassis.research.eval.score.ContradictionScore;
import dev.chassis.research.eval.score.Exchange;
import dev.chassis.talk.TurnRecord;
import dev.chassis.talk.directive.Directive;
import dev.chassis.talk.signal.Signal;
import dev.chassis.testkit.participant.AnswerNote;
import dev.chassis.testkit.participant.AnswerNote.Kind;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * Where a planted contradiction was lost on its way to being put back, read from the harness's own signals and
 * directives. A diagnosis beside the scores, never part of them: the scores stay computed from outside the harness.
 *
 * @param statedAt    the answer that said the second statement
 * @param detectedAt  the turn the contradiction monitor raised a contradiction naming that answer
 * @param clarifiedAt the interviewer turn steering chose to clarify on, within three turns of the second statement
 * @param shape       what the two statements hold, read from the persona without any of the harness's readers: digits in
 *                    both ("both-digits"), in one ("one-digits") or in neither ("no-digits", told in words); empty for none
 */
public record ContradictionTrace(Loss loss, OptionalInt statedAt, OptionalInt detectedAt, OptionalInt clarifiedAt, String shape) {

    /** How many interviewer turns after the second statement it may be put back (as {@link ContradictionScore} counts). */
    static final int WITHIN = 3;

    /** The furthest a planted contradiction got; {@link #PUT_BACK} when it was put back whatever the harness noticed. */
    public enum Loss {
        /** The persona plants no contradiction. */
        NONE,
        /** The persona never said the second statement (the interview did not reach its topic). */
        NOT_SAID,
        /** Said, and the contradiction monitor ran out of its time (or failed) on that answer or the first statement's. */
        MONITOR_FAILED,
        /** Said, read by the monitor, and no contradiction was raised about it. */
        NOT_DETECTED,
        /** Raised only after the three turns had passed. */
        DETECTED_LATE,
        /** Raised in time, and steering chose something else in every turn of the three. */
        NOT_STEERED,
        /** Raised in time, and the interview ended before it was put back. */
        ENDED,
        /** Steering chose to clarify, and the turn's words did not present both statements. */
        NOT_WORDED,
        PUT_BACK;

        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** {@code failed}: the turns whose contradiction monitor ran out of time or failed. */
    static ContradictionTrace of(Exchange x, ContradictionScore score, List<Signal> signals, List<TurnRecord> turns, List<Integer> failed) {
        if (x.persona().contradiction().isEmpty()) {
            return new ContradictionTrace(Loss.NONE, OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty(), "");
        }
        OptionalInt late = x.answers().stream().filter(a -> a.is(Kind.CONTRADICTION_LATE)).mapToInt(AnswerNote::number).findFirst();
        if (!score.stated() || late.isEmpty()) {
            return new ContradictionTrace(Loss.NOT_SAID, late, OptionalInt.empty(), OptionalInt.empty(), shape(x));
        }
        int said = late.getAsInt();
        int first = x.answers().stream().filter(a -> a.is(Kind.CONTRADICTION_EARLY)).mapToInt(AnswerNote::number).findFirst().orElse(said);
        int last = said + WITHIN - 1;
        OptionalInt detected = signals.stream().filter(s -> s instanceof Signal.Contradiction && s.evidenceTurns().contains(said))
                .mapToInt(Signal::turn).min();
        OptionalInt clarified = turns.stream().filter(t -> t.turn() >= said && t.turn() <= last && t.directive() instanceof Directive.Clarify)
                .mapToInt(TurnRecord::turn).min();
        Loss loss;
        if (score.putBack()) {
            loss = Loss.PUT_BACK;
        } else if (detected.isEmpty()) {
            loss = failed.contains(said) || failed.contains(first) ? Loss.MONITOR_FAILED : Loss.NOT_DETECTED;
        } else if (detected.getAsInt() > last) {
            loss = Loss.DETECTED_LATE;
        } else if (clarified.isPresent()) {
            loss = Loss.NOT_WORDED;
        } else if (x.interviewer().size() <= last) {
            loss = Loss.ENDED;
        } else {
            loss = Loss.NOT_STEERED;
        }
        return new ContradictionTrace(loss, late, detected, clarified, shape(x));
    }

    /** Digits in both of the planted statements, in one, or in neither: which kind of claim a loss is of, without reading it. */
    private static String shape(Exchange x) {
        var c = x.persona().contradiction().orElseThrow();
        int digits = (c.early().chars().anyMatch(Character::isDigit) ? 1 : 0) + (c.late().chars().anyMatch(Character::isDigit) ? 1 : 0);
        return digits == 2 ? "both-digits" : digits == 1 ? "one-digits" : "no-digits";
    }
}
