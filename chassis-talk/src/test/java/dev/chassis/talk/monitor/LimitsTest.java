package dev.chassis.talk.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A count or a habit limited to a part of the week or year is no other account of the count or habit of all of it. The
 * quiet cases are the false alarms of session 16's new development personas (es gerente-clinica-valencia, fr
 * directeur-conservatoire-rennes and prof-piano-bordeaux: every seed, on e7b7430) and look-alikes written for them in other
 * languages; the others must still be raised: two counts of one part of the time, a "never" against an "always" there.
 */
class LimitsTest {

    @ParameterizedTest(name = "{0}: {1} / {2}")
    @CsvSource(delimiter = '|', value = {
            "es|Somos seis en la clínica, cuatro veterinarios y dos auxiliares.|Los sábados. Abrimos a las diez y solo somos tres, y aun así entran unas quince consultas.",
            "es|Mandamos unos trescientos mensajes al mes.|En la campaña de primavera mandamos unos seiscientos mensajes al mes, y en verano casi ninguno.",
            "fr|Les cours commencent à dix-sept heures.|Le mercredi. Les cours commencent à neuf heures et on est quinze professeurs en même temps.",
            "fr|Je donne dix-huit heures de cours par semaine.|Le samedi : je commence à neuf heures et je donne six heures de cours d'affilée.",
            "fr|On est six dans l'équipe.|L'été on embauche deux saisonniers, donc on est huit.",
            "fr|Je prends toujours le train pour aller au bureau.|Le week-end, je ne prends jamais le train.",
            "en|We're eight people in the kitchen.|On Saturdays we're twelve, with the extra staff.",
            "de|Wir sind zu acht in der Küche.|Im Sommer sind wir zu zwölft, mit den Aushilfen.",
            "it|Siamo in sei nel laboratorio.|A dicembre siamo in dieci, per i panettoni.",
            "pt|Somos cinco na loja.|No Natal somos nove, com os temporários."})
    void a_part_of_the_time_is_no_other_account(String language, String earlier, String later) {
        assertThat(ContradictionMonitor.over(List.of(earlier, later), language)).isEmpty();
    }

    @ParameterizedTest(name = "{0}: {1} / {2}")
    @CsvSource(delimiter = '|', value = {
            "es|Los sábados somos doce en la cocina.|Los sábados somos cuatro en la cocina.",
            "en|I never check my email.|On Mondays I always check my email first thing.",
            "es|Somos ocho en la cocina.|Somos dos en la cocina, nada más."})
    void the_same_part_of_the_time_or_an_always_against_a_never_still_contradicts(String language, String earlier, String later) {
        assertThat(ContradictionMonitor.over(List.of(earlier, later), language)).isNotEmpty();
    }
}
