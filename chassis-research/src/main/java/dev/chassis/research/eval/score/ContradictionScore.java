package dev.chassis.research.eval.score;

import dev.chassis.testkit.participant.AnswerNote;
import dev.chassis.testkit.participant.AnswerNote.Kind;
import dev.chassis.testkit.participant.reading.QuestionChecker;
import dev.chassis.testkit.participant.reading.Tone;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Whether the planted contradiction was put back to the participant, and how many times the
 * interviewer confronted them with two statements that were not it (false alarms).
 *
 * @param stated    whether the participant said both halves
 * @param putBackAt the interviewer turn that presented both statements (or asked which holds), within
 *                  three turns of the second
 * @param alarms    interviewer turns that set two other answers against each other
 */
public record ContradictionScore(boolean stated, OptionalInt putBackAt, List<Integer> alarms) {

    /** How many turns after the second statement it may be put back. */
    static final int WITHIN = 3;

    public ContradictionScore {
        alarms = List.copyOf(alarms);
    }

    public boolean putBack() {
        return putBackAt.isPresent();
    }

    static ContradictionScore of(Exchange x) {
        Optional<AnswerNote> early = x.answers().stream().filter(a -> a.is(Kind.CONTRADICTION_EARLY)).findFirst();
        Optional<AnswerNote> late = x.answers().stream().filter(a -> a.is(Kind.CONTRADICTION_LATE)).findFirst();
        boolean stated = early.isPresent() && late.isPresent();
        String e = early.map(a -> a.planted().getFirst()).orElse("");
        String l = late.map(a -> a.planted().getFirst()).orElse("");
        OptionalInt putBack = OptionalInt.empty();
        if (stated) {
            int from = late.get().number();
            for (int k = from; k < Math.min(x.interviewer().size(), from + WITHIN) && putBack.isEmpty(); k++) {
                if (putsBack(x, k, e, l)) {
                    putBack = OptionalInt.of(k);
                }
            }
        }
        List<Integer> alarms = new ArrayList<>();
        for (int k = 1; k < x.interviewer().size(); k++) {
            if (confronts(x, k) && !(stated && putsBack(x, k, e, l))) {
                alarms.add(k);
            }
        }
        return new ContradictionScore(stated, putBack, alarms);
    }

    /**
     * Presents both statements, or names one and asks how it fits with what they said before: asks how the two go
     * together or which is closer, not just "earlier you mentioned" (a follow-up on one statement says that too).
     */
    private static boolean putsBack(Exchange x, int k, String early, String late) {
        String t = x.interviewer().get(k).text();
        boolean first = References.refersTo(t, early, late);
        boolean second = References.refersTo(t, late, early);
        if (first && second) {
            return true;
        }
        String language = Reading.of(x, k);
        return (first || second) && Tone.reconciles(t, language) && QuestionChecker.check(t, language).asks();
    }

    /**
     * Sets two different earlier answers side by side and asks how they go together. A follow-up that names an earlier
     * answer ("earlier you mentioned...") and asks about it confronts nothing, even when its words touch another answer.
     */
    private static boolean confronts(Exchange x, int k) {
        String t = x.interviewer().get(k).text();
        String language = Reading.of(x, k);
        if (!Tone.reconciles(t, language) || !QuestionChecker.check(t, language).asks()) {
            return false;
        }
        int referred = 0;
        for (int j = 1; j <= Math.min(k, x.answers().size()); j++) {
            referred += References.takesUp(t, x.answers().get(j - 1).text()) ? 1 : 0;
        }
        return referred >= 2;
    }
}
