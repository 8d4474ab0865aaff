package dev.chassis.talk.monitor;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Session 13's pairs ({@code contradictions/session13-pairs.txt}), written before that session changed the monitor the way a
 * persona writer plants a contradiction. Each pair is read twice: as two sentences (as the earlier files are), and as a
 * live interview with the synthetic participant says them, each half appended to an answer on another objective, with
 * an answer between. Recall per language and kind, false alarms, and for each miss what each half was read as.
 */
class ContradictionSession13Test {

    /**
     * Contradictions raised of the file's 54, read as two sentences and as an interview: 29 and 29 when written (main 4c7ccb0;
     * one Hindi pair in Devanagari digits threw), 38 and 38 since numbers in Han numerals and Devanagari, years named by their
     * distance from this one, things counted by both and a sentence's language when detection is unsure are read; 37 since Han
     * numerals are read in Japanese only (the Chinese count "三个员工" / "十五个员工" is missed again: see frames.yaml, zh); 38
     * since session 16 compares two starts as the years each lies within ({@link Spans}); 39 with a task handed to someone
     * else beside the person's own denial ({@link Agents}); 40 with how many we are against how many people work there.
     */
    private static final int FOUND_PAIRS = 40;
    private static final int FOUND_LIVE = 40;
    /**
     * Consistent pairs raised of the file's 25, either way: 4 when written, 4 now, all two habits of one topic far apart whose
     * activities differ ("jeden Morgen in die Auswertung" / "die Rechnungen einmal im Monat"; three only when both are said
     * under one objective).
     */
    private static final int ALARMS = 4;

    /** As the synthetic participant says them: each half appended to an answer on another objective, an answer between. */
    private static final Map<String, PlantedPairs.Layout> LIVE = Map.of("live", (i, p) -> List.of(
            new Exchange("first", "", p.answers().get(0) + " " + p.earlier()),
            new Exchange("second", "", p.answers().get(1)),
            new Exchange("third", "", p.answers().get(0) + " " + p.later())));

    @Test
    void recall_per_language_and_kind_read_as_pairs_and_as_an_interview() throws IOException {
        PlantedPairs.hold(PlantedPairs.measure("/contradictions/session13-pairs.txt", 54, LIVE),
                Map.of(PlantedPairs.PAIRS, FOUND_PAIRS, "live", FOUND_LIVE), ALARMS);
    }

    /**
     * The second batch ({@code contradictions/session13-second.txt}: 29 contradictions, 10 consistent pairs in the frozen set's
     * languages), written after the first change and before the second: 13 found either way and 3 alarms when written, 18 since
     * the product's name meets across verbs, counts of times stand after their period (Hindi), and more number words are read.
     */
    @Test
    void second_batch_written_between_the_changes() throws IOException {
        PlantedPairs.hold(PlantedPairs.measure("/contradictions/session13-second.txt", 29, LIVE),
                Map.of(PlantedPairs.PAIRS, SECOND_FOUND, "live", SECOND_FOUND), SECOND_ALARMS);
    }

    /**
     * Found of the second file's 29: 18 through session 15; 19 with session 16's headcounts and number words, 20 with having
     * none of a thing against a number of it ({@link Staff}).
     */
    private static final int SECOND_FOUND = 20;
    /** Two habits of one thing far apart with other verbs (the app daily / availability monthly), two spans of other events. */
    private static final int SECOND_ALARMS = 3;
}
