package dev.chassis.talk.monitor;

import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Session 15's pairs ({@code contradictions/session15-pairs.txt}: 39 contradictions, 22 consistent look-alikes in en de es fr
 * hi ja pt it), written before that session changed the monitor, at the kinds session 14 still missed: tools named against
 * each other, roles, who does a task, Hindi "kabhi ... nahin", spans told with an article or a season, always/never with
 * different verbs; the look-alikes use two tools side by side, speak of another person or of another time. Read as two
 * sentences, and as interviews whose halves fall under two objectives or under one ({@link ContradictionSession14Test#LAYOUTS}).
 */
class ContradictionSession15Test {

    /**
     * Found of the 39 as pairs, under two objectives and under one: 11 each when written (main 25dbfa3), 23 with spans begun
     * a month or a season ago and a named tool used for a whole job then denied ({@link DeniedName}), 26 with a role claimed
     * then given to someone else ({@link Roles}); 30 since session 16 compares two starts as the years each lies within ({@link Spans}); 32 with family words among the
     * other people (cues {@code others}: "the owner is my uncle", "il titolare è mio cugino"); 35 with a task handed to someone
     * else beside the person's own denial ({@link Agents}: "Our accountant handles the payroll, I never touch it"); 38 with
     * Hindi and Japanese roles and tools without capitals ("店長は別の人", "टैली इस्तेमाल नहीं करते") and "毎朝必ず" read as always.
     */
    private static final int FOUND_PAIRS = 38;
    private static final int FOUND_APART = 38;
    private static final int FOUND_TOGETHER = 38;
    /**
     * Consistent look-alikes raised any way, of 22: one when written and through session 15, "toujours le train" / "le
     * week-end, jamais le train"; none since a habit less often in a part of the week is the other's exception ({@link Limits}).
     */
    private static final int ALARMS = 0;

    @Test
    void recall_per_language_and_kind_and_look_alikes_that_must_stay_quiet() throws IOException {
        PlantedPairs.hold(PlantedPairs.measure("/contradictions/session15-pairs.txt", 39, ContradictionSession14Test.LAYOUTS),
                Map.of(PlantedPairs.PAIRS, FOUND_PAIRS, "apart", FOUND_APART, "together", FOUND_TOGETHER), ALARMS);
    }
}
