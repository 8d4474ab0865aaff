package dev.chassis.research.eval.score;

import dev.chassis.testkit.participant.AnswerNote;
import dev.chassis.testkit.participant.reading.LanguageDetector;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Whether the interviewer spoke the participant's language, sentence by sentence with the
 * evaluation's own detector: every turn's sure sentences in the expected language, none mixing two.
 *
 * @param judged                turns with at least one sentence in a surely known language
 * @param inLanguage            of those, turns wholly in the expected language
 * @param afterSwitch           judged turns after the participant first answered in another language
 * @param afterSwitchInLanguage of those, turns in the participant's (new) language
 * @param mixed                 turns with sentences in two languages
 * @param misses                the turns not in the expected language, or mixed
 */
public record LanguageScore(int judged, int inLanguage, int afterSwitch, int afterSwitchInLanguage, int mixed, List<Integer> misses) {

    public LanguageScore {
        misses = List.copyOf(misses);
    }

    /** Share of judged turns in the expected language; 1 when none could be judged. */
    public double share() {
        return judged == 0 ? 1 : inLanguage / (double) judged;
    }

    static LanguageScore of(Exchange x) {
        int switchedAt = Integer.MAX_VALUE;
        for (AnswerNote a : x.answers()) {
            if (!a.language().equals(x.persona().language())) {
                switchedAt = a.number();
                break;
            }
        }
        int judged = 0;
        int in = 0;
        int after = 0;
        int afterIn = 0;
        int mixed = 0;
        List<Integer> misses = new ArrayList<>();
        for (int k = 0; k < x.interviewer().size(); k++) {
            LanguageDetector.TextLanguages langs = LanguageDetector.of(x.interviewer().get(k).text());
            Set<String> sure = langs.sure();
            if (sure.isEmpty()) {
                continue;
            }
            Set<String> expected = Reading.expected(x, k);
            boolean ok = !langs.mixed() && expected.containsAll(sure);
            judged++;
            in += ok ? 1 : 0;
            mixed += langs.mixed() ? 1 : 0;
            if (!ok) {
                misses.add(k);
            }
            if (k >= switchedAt) {
                after++;
                afterIn += ok ? 1 : 0;
            }
        }
        return new LanguageScore(judged, in, after, afterIn, mixed, misses);
    }
}
