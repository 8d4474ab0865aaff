package dev.chassis.talk.monitor;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Session 14's pairs ({@code contradictions/session14-pairs.txt}: 46 contradictions, 23 consistent pairs in de es fr hi en pt
 * ja it), written before that session changed the monitor. Each pair is read three ways: as two sentences; as an interview in
 * which the halves fall under two objectives with two to six answers between (the synthetic participant appends each half to
 * whatever answer comes at its turn, and the interviewer has moved on); and as one in which both fall under one objective
 * (a follow-up kept the interview there). Whether the objective an answer falls under loses a contradiction is the difference
 * between the last two.
 */
class ContradictionSession14Test {

    /**
     * Found of the 46 as pairs, under two objectives and under one: 24, 24 and 24 when written (main d505575; 26 each, then 28 with a role given away, since
     * session 15: a named tool denied, a start a season ago; 29 since session 16's starts within what each was told as, 30 with a task handed over beside a denial, 34 with how many we are against how many people work there, number words out
     * of what a claim is about and "on n'est que deux" read as a count, not a denial; 37 with a task done alone beside a denial of
     * handing it over, "personalmente", and Hindi "कभी ... नहीं" read as never): the objective
     * the halves fall under lost none of them; what did is a reading missing (see docs/QUALITY.md, session 14).
     */
    private static final int FOUND_PAIRS = 37;
    private static final int FOUND_APART = 37;
    private static final int FOUND_TOGETHER = 37;
    /**
     * Consistent pairs raised any way, of 23: 7 when written, six of them two of the person's habits far apart whose
     * activities differ ("I check the dashboard every morning" / "We do a full stock count twice a year"), raised when both
     * fall under one objective (or one topic throughout) and not under two; the seventh two counts of people in two places.
     */
    private static final int ALARMS = 7;

    /** Shared with {@link ContradictionSession15Test}: the same two interviews around each pair. */
    static final Map<String, PlantedPairs.Layout> LAYOUTS = new LinkedHashMap<>();

    static {
        LAYOUTS.put("apart", (i, p) -> interview(p, 2 + i % 5, false));
        LAYOUTS.put("together", (i, p) -> interview(p, 1 + i % 2, true));
    }

    /** The earlier half on one objective, {@code between} answers, the later half on the same objective or the next one. */
    private static List<Exchange> interview(PlantedPairs.Pair p, int between, boolean together) {
        List<String> answers = p.answers();
        List<Exchange> out = new ArrayList<>();
        out.add(new Exchange("before", "", answers.get(0) + " " + p.earlier()));
        for (int k = 0; k < between; k++) {
            // Half the answers between on the earlier half's objective, the rest on the next (when the halves are apart).
            out.add(new Exchange(together || k < between / 2 ? "before" : "after", "", answers.get((k + 1) % 2)));
        }
        out.add(new Exchange(together ? "before" : "after", "", answers.get(between % 2) + " " + p.later()));
        return out;
    }

    @Test
    void recall_per_language_and_kind_as_pairs_and_under_one_or_two_objectives() throws IOException {
        PlantedPairs.hold(PlantedPairs.measure("/contradictions/session14-pairs.txt", 46, LAYOUTS),
                Map.of(PlantedPairs.PAIRS, FOUND_PAIRS, "apart", FOUND_APART, "together", FOUND_TOGETHER), ALARMS);
    }
}
