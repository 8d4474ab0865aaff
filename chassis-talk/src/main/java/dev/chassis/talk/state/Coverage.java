package dev.chassis.talk.state;

import java.util.List;

/**
 * How far an objective has got.
 *
 * @param level         0 (untouched) to 1 (covered)
 * @param covered       whether a monitor judged it covered
 * @param evidenceTurns the user turns that contributed
 * @param questionsAsked how many of its questions the agent has asked
 * @param turnsSpent    user turns spent on it while it was current
 */
public record Coverage(double level, boolean covered, List<Integer> evidenceTurns, int questionsAsked, int turnsSpent) {

    public static final Coverage NONE = new Coverage(0, false, List.of(), 0, 0);

    public Coverage {
        evidenceTurns = List.copyOf(evidenceTurns);
    }
}
