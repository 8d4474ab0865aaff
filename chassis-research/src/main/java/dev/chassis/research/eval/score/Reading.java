package dev.chassis.research.eval.score;

import dev.chassis.testkit.participant.AnswerNote;
import dev.chassis.testkit.participant.reading.LanguageDetector;
import java.util.Set;

/** The languages the evaluation reads an interviewer's turn in. */
final class Reading {

    private Reading() {
    }

    /** The languages interviewer turn {@code k} should be in: the participant's, when the guide has it; else any of the guide's. */
    static Set<String> expected(Exchange x, int k) {
        AnswerNote before = x.answerBefore(k);
        String theirs = before == null ? x.persona().language() : before.language();
        return x.guide().languages().contains(theirs) ? Set.of(theirs) : Set.copyOf(x.guide().languages());
    }

    /** The language to read turn {@code k} in: the one it is surely in, else the one expected. */
    static String of(Exchange x, int k) {
        String text = x.interviewer().get(k).text();
        Set<String> sure = LanguageDetector.of(text).sure();
        if (!sure.isEmpty()) {
            return sure.iterator().next();
        }
        AnswerNote before = x.answerBefore(k);
        String theirs = before == null ? x.persona().language() : before.language();
        return x.guide().languages().contains(theirs) ? theirs : x.guide().language();
    }
}
