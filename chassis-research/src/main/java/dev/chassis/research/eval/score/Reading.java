package dev.chassis.research.eval.score;

import dev.chassis.testkit.participant.AnswerNote;
import dev.chassis.testkit.participant.reading.LanguageDetector;
import java.util.Set;

/** The languages the evaluation reads an interviewer's turn in. */
final class Reading {

    private Reading() {
    }

    /**
     * The languages interviewer turn {@code k} should be in: the participant's, when the guide has its text in it; else
     * theirs or one the guide has its text in. Offline nothing translates a guide, so the interviewer says once, in their
     * language, that it carries on in one it has the guide in, and does (issue 13.7): neither turn is a miss. A language
     * the guide lists without its text is such a language too.
     */
    static Set<String> expected(Exchange x, int k) {
        AnswerNote before = x.answerBefore(k);
        String theirs = before == null ? x.persona().language() : before.language();
        if (x.guide().hasText(theirs)) {
            return Set.of(theirs);
        }
        Set<String> any = new java.util.HashSet<>(Set.of(theirs));
        x.guide().languages().stream().filter(x.guide()::hasText).forEach(any::add);
        return Set.copyOf(any);
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
        return x.guide().hasText(theirs) ? theirs : x.guide().language();
    }
}
