package dev.chassis.talk.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The word that makes a number a duration ("drei Wochen lang", "länger als drei Monate", "pendant trois semaines") names no
 * thing the duration is of, so two durations of two things do not meet on it. The German case is a false alarm of the
 * development clubs set (de ausgabeleiterin-kassel, turn 17 at every seed, on 58703ce); the others were written for it.
 */
class DurationWordsTest {

    @ParameterizedTest(name = "{0}: {1} / {2}")
    @CsvSource(delimiter = '|', value = {
            "de|Als unser einziger Fahrer mit Führerschein für den Transporter aufgehört hat, fiel die Abholung drei Wochen lang aus.|Dass die Nachweise länger als drei Monate gelten, dann gäbe es weniger Streit an der Tür.",
            "fr|Pendant trois semaines, on a fermé la cantine.|Les inscriptions restent ouvertes pendant trois mois.",
            "es|Durante tres semanas cerramos el comedor.|Las inscripciones duran abiertas durante tres meses."})
    void two_durations_of_two_things_do_not_meet_on_the_word_of_duration(String language, String earlier, String later) {
        assertThat(ContradictionMonitor.over(List.of(earlier, later), language)).isEmpty();
    }
}
