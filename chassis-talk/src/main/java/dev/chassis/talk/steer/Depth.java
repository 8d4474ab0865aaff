package dev.chassis.talk.steer;

import dev.chassis.talk.stage.Briefing;
import dev.chassis.talk.stage.Objective;
import dev.chassis.talk.state.AnswerDepth;
import dev.chassis.talk.state.SessionState;
import java.util.Comparator;
import java.util.List;

/**
 * How deeply the person's own answers explored each objective, and which priority objectives are still shallow. The answers'
 * reading is kept by the session state answer by answer ({@link AnswerDepth}: substance, not a hedge or a refusal or a
 * restatement, on the objective asked about); this decides what is deep enough. An objective is deep enough with two such
 * answers, one when the guide plans a single question and no follow-up for it (as the coverage monitor asks).
 */
final class Depth {

    /** The guide's priorities from this one up (of 1 to 5) are the objectives an interview must not leave shallow. */
    static final int PRIORITY = 4;

    private final AnswerDepth answers;

    private Depth(AnswerDepth answers) {
        this.answers = answers;
    }

    /** The substantive answers per objective in this session so far: a read of the state, no walk of the log. */
    static Depth of(SessionState s) {
        return new Depth(s.depth());
    }

    /**
     * Whether {@code objectiveId} was taken up again at the end and answered with what the person had said before ("Like I
     * said, ..."): they have nothing more on it, and asking on would be pestering.
     */
    boolean nothingMore(String objectiveId) {
        return answers.nothingMore(objectiveId);
    }

    /** Substantive answers on {@code objectiveId}. */
    int answers(String objectiveId) {
        return answers.answers(objectiveId);
    }

    /** Whether {@code o} was explored deeply enough. */
    boolean deepEnough(Objective o) {
        return answers(o.id()) >= (o.questions().size() + o.probes().size() > 1 ? 2 : 1);
    }

    /** The priority objectives not explored deeply enough, most important first; a declined one is never shallow. */
    List<Objective> shallow(Briefing b, QuestionPlan plan) {
        return b.objectives().stream()
                .filter(o -> o.priority() >= PRIORITY && !plan.declined(o.id()) && !deepEnough(o))
                .sorted(Comparator.comparingInt(Objective::priority).reversed())
                .toList();
    }
}
