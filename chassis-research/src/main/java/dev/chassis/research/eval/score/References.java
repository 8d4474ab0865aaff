package dev.chassis.research.eval.score;

import dev.chassis.testkit.participant.reading.Tokens;
import java.util.HashSet;
import java.util.Set;

/** Whether an interviewer's turn refers to something the participant said: their words echoed, or what set it apart named. */
final class References {

    private References() {
    }

    /**
     * Whether {@code turn} refers to {@code statement} rather than to {@code other}: it echoes three or
     * more of its words, or names a content term of it that {@code other} lacks (a number, a frequency,
     * what was done).
     */
    static boolean refersTo(String turn, String statement, String other) {
        if (Tokens.echoes(turn, statement, 3)) {
            return true;
        }
        Set<String> own = new HashSet<>(Tokens.content(statement));
        own.removeAll(Tokens.content(other));
        Set<String> said = Tokens.content(turn);
        if (own.isEmpty()) {
            return false;
        }
        own.retainAll(said);
        return !own.isEmpty();
    }

    /** Whether {@code turn} takes up {@code answer}: three words of it echoed, or two of its content terms. */
    static boolean takesUp(String turn, String answer) {
        if (Tokens.echoes(turn, answer, 3)) {
            return true;
        }
        Set<String> shared = new HashSet<>(Tokens.content(answer));
        shared.retainAll(Tokens.content(turn));
        return shared.size() >= 2;
    }

    /** Share of the smaller set's terms the two share (0 when either is empty). */
    static double overlap(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        Set<String> common = new HashSet<>(a);
        common.retainAll(b);
        return common.size() / (double) Math.min(a.size(), b.size());
    }

    /** Jaccard similarity of two term sets. */
    static double similarity(Set<String> a, Set<String> b) {
        if (a.isEmpty() && b.isEmpty()) {
            return 1;
        }
        Set<String> union = new HashSet<>(a);
        union.addAll(b);
        Set<String> common = new HashSet<>(a);
        common.retainAll(b);
        return common.size() / (double) union.size();
    }
}
