package dev.chassis.talk.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A thing named inside a clause that only sets the time of another ("when the medicines arrive, I message the customers")
 * is not affirmed, so it does not meet a denial of it. The first case is a false alarm of the development languages set
 * (uk farmatsevtka-vinnytsia, every seed, before session 16); the rest were written for it in other languages. The same
 * thing affirmed in the main clause still contradicts the denial.
 */
class WhenClauseTest {

    @ParameterizedTest(name = "{0}: {1} / {2}")
    @CsvSource(delimiter = '|', value = {
            "uk|Вона приїхала з села, а ліків не було.|Замовлення записую в зошит у клітинку, а покупцям пишу у вайбер, коли ліки приїхали.",
            "en|That morning the van came late and there was no insulin.|I text the customers when the insulin arrives.",
            "es|Aquel día llegó la señora y no había insulina.|Les escribo a los clientes cuando llega la insulina.",
            "fr|Ce jour-là, il n'y avait pas d'insuline.|J'envoie un message aux clients quand l'insuline arrive.",
            "de|An dem Tag war kein Insulin da.|Ich schreibe den Kunden, wenn das Insulin kommt.",
            "ru|В тот день лекарств не было.|Я пишу покупателям в вайбер, когда лекарства приходят."})
    void a_thing_named_in_a_when_clause_does_not_meet_its_denial(String language, String earlier, String later) {
        assertThat(ContradictionMonitor.over(List.of(earlier, later), language)).isEmpty();
    }

    @ParameterizedTest(name = "{0}: {1} / {2}")
    @CsvSource(delimiter = '|', value = {
            "en|I never use the printer.|I use the printer every day, when the orders come in.",
            "es|Nunca uso la impresora.|Uso la impresora todos los días, cuando llegan los pedidos."})
    void the_same_thing_affirmed_outside_the_when_clause_still_contradicts(String language, String earlier, String later) {
        assertThat(ContradictionMonitor.over(List.of(earlier, later), language)).isNotEmpty();
    }
}
