package dev.chassis.talk.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chassis.talk.text.Feelings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hard moments read by the lexical tier in every supported language, from labelled answers: the ones the cues
 * were developed with must all read right; on held-out answers written afterwards (and never used to change
 * the cues) at least half of the hard moments are found (8 of 16 when written; 5 before the cues of issue 13.5 grew) and no plain, mild or negated answer is taken
 * for one. In every one of the 28 languages (issue 13.5, session 7): everyday ways of telling a collapse, a burnout, a fall
 * or faint of someone in one's care or a grave illness, written before the cues that read them and not copied into
 * them, with denials and falling numbers beside them; and a second held-out set written after those cues.
 */
class FeelingsTest {

    private record Labelled(String language, boolean hard, String answer) { }

    private static List<Labelled> read(String name) throws IOException {
        List<Labelled> out = new ArrayList<>();
        try (InputStream in = FeelingsTest.class.getResourceAsStream("/feelings/" + name)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] p = line.split("\\|", 3);
                out.add(new Labelled(p[0], p[1].equals("Y"), p[2]));
            }
        }
        return out;
    }

    private static boolean hard(Labelled l) {
        return Feelings.read(l.answer(), l.language()).filter(m -> m.intensity() >= Feelings.STRONG && m.valence() < 0).isPresent();
    }

    @Test
    void every_answer_the_cues_were_developed_with_reads_right() throws IOException {
        List<String> wrong = read("development.txt").stream().filter(l -> hard(l) != l.hard())
                .map(l -> l.language() + " " + (l.hard() ? "missed" : "false") + ": " + l.answer()).toList();
        assertThat(wrong).isEmpty();
    }

    @Test
    void losses_of_a_person_and_disasters_are_hard_moments_and_a_lost_key_beside_a_neighbour_is_not() throws IOException {
        List<String> wrong = read("session12-losses.txt").stream().filter(l -> hard(l) != l.hard())
                .map(l -> l.language() + " " + (l.hard() ? "missed" : "false") + ": " + l.answer()).toList();
        assertThat(wrong).isEmpty();
    }

    @Test
    void illness_death_injury_and_burn_out_told_in_a_club_are_hard_moments_in_every_language() throws IOException {
        assertThat(misread("session13-illness-death.txt")).isEmpty();
    }

    @Test
    void distress_and_losses_told_the_same_way_in_five_languages_are_hard_moments() throws IOException {
        assertThat(misread("session13-distress.txt")).isEmpty();
    }

    @Test
    void strokes_lay_offs_and_a_child_gone_missing_are_hard_moments_and_a_broken_screen_is_not() throws IOException {
        assertThat(misread("session13-more.txt")).isEmpty();
    }

    @Test
    void threats_suicide_guilt_and_the_worst_time_of_a_life_are_hard_moments_and_a_migration_like_a_nightmare_is_not() throws IOException {
        assertThat(misread("session14-club-ward.txt")).isEmpty();
    }

    @Test
    void a_coachs_death_a_career_ending_injury_dementia_a_miscarriage_and_bullying_are_hard_moments_in_arabic_polish_and_swedish()
            throws IOException {
        // 18 of 30 when written; the three still missed are told with a negation right after the happening ("mnie gnębili i nikt
        // nie reagował", read as a denial) or with the person only in the verb's ending ("Zerwałam więzadło ... nigdy nie zagram")
        assertThat(foundWithoutFalseOnes("session15-ar-pl-sv.txt")).isGreaterThanOrEqualTo(FOUND_SESSION15 / 30.0);
    }

    @Test
    void drowning_theft_eviction_violence_and_drink_are_hard_moments_and_talk_of_racism_or_records_is_not() throws IOException {
        // 13 of 24 with the cues before them; the five still missed name their person only as "him" or in a verb ending,
        // or tell of chemotherapy in one Swedish compound, or of a dog put as an animal's death ("zdechł")
        assertThat(foundWithoutFalseOnes("session15-more.txt")).isGreaterThanOrEqualTo(19 / 24.0);
    }

    @Test
    void a_patient_lost_by_us_a_child_missing_in_the_forest_and_shame_are_hard_moments_in_arabic_and_swedish() throws IOException {
        // 21 of 36 with the cues before them: the person only in the verb ("فقدنا مريضاً", "أحسست بالعجز"), a colleague who
        // collapsed ("انهارت"), a child gone missing or found hypothermic ("försvunnit", "nedkyld"), the accident in its
        // definite form ("olyckan"), shame in the present ("skäms"), a compound's head ("hjärntumör": "*tumör*", "åttaåring": "*åring")
        assertThat(foundWithoutFalseOnes("session16-ar-sv.txt")).isEqualTo(1.0);
    }

    @Test
    void everyday_hard_moments_are_read_in_every_language_and_denials_are_not() throws IOException {
        List<Labelled> all = read("languages.txt");
        assertThat(all.stream().map(Labelled::language).distinct()).hasSize(dev.chassis.talk.language.Languages.CODES.size());
        assertThat(all.stream().filter(l -> !l.hard() && hard(l)).map(l -> l.language() + ": " + l.answer()))
                .as("denied harms, falling numbers and broken things taken for hard moments").isEmpty();
        var missed = all.stream().filter(l -> l.hard() && !hard(l)).map(l -> l.language() + ": " + l.answer()).toList();
        // One known miss: English "hit the wall" (also said of a creative block, so it is not a cue).
        assertThat(missed).as("hard moments missed").hasSizeLessThanOrEqualTo(1);
    }

    @Test
    void a_second_held_out_set_in_every_language_finds_most_and_no_false_one() throws IOException {
        // 22 of 28 when written (20 of 28 with the cues before it)
        assertThat(foundWithoutFalseOnes("held-out-languages.txt")).isGreaterThanOrEqualTo(22 / 28.0);
    }

    @Test
    void held_out_answers_find_most_hard_moments_and_no_false_one() throws IOException {
        assertThat(foundWithoutFalseOnes("held-out.txt")).isGreaterThanOrEqualTo(0.5);
    }

    /** Hard moments of session 15's Arabic, Polish and Swedish set found once its cues were added. */
    private static final int FOUND_SESSION15 = 28;

    /** The lines of a labelled file read wrong, with the cues that were found in each. */
    private static List<String> misread(String name) throws IOException {
        return read(name).stream().filter(l -> hard(l) != l.hard())
                .map(l -> l.language() + "|" + (l.hard() ? "Y" : "N") + "|" + l.answer() + " "
                        + Feelings.read(l.answer(), l.language()).map(Feelings.Moment::cues).orElse(List.of())).toList();
    }

    /** The share of a held-out set's hard moments found, once no plain answer of it was taken for one. */
    private static double foundWithoutFalseOnes(String name) throws IOException {
        List<Labelled> all = read(name);
        long hard = all.stream().filter(Labelled::hard).count();
        long found = all.stream().filter(l -> l.hard() && hard(l)).count();
        assertThat(all.stream().filter(l -> !l.hard() && hard(l)).map(Labelled::answer)).as("plain answers taken for hard moments").isEmpty();
        System.out.printf("%s: hard moments found, %d of %d%n", name, found, hard);
        return found / (double) hard;
    }
}
