package dev.chassis.talk.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Two cases of the development onboarding set that session 16's prices and headcounts first got wrong (1491cff): the plan's
 * price against a price whose clause names nothing but itself (bakery-pt-money, put back at every seed before) must be
 * raised; "all three of us" against "two patients" (dog-owner-drifter, two false alarms a seed) shares the patients, who are
 * not us, and must stay quiet; with look-alikes in other languages.
 */
class PricesAndHeadcountsTest {

    @ParameterizedTest(name = "{0}: {1} / {2}")
    @CsvSource(delimiter = '|', value = {
            "pt|Pagamos 30 euros por mês pelo plano.|São cento e vinte euros por mês, para uma padaria é muito.",
            "en|We pay 30 euros a month for the plan.|It's a hundred and twenty euros a month, which is a lot for a bakery.",
            "es|Pagamos unos veinte euros al mes.|Nos cuesta casi doscientos euros al mes."})
    void a_price_that_names_nothing_else_meets_the_other(String language, String earlier, String later) {
        assertThat(ContradictionMonitor.over(List.of(earlier, later), language)).isNotEmpty();
    }

    @ParameterizedTest(name = "{0}: {1} / {2}")
    @CsvSource(delimiter = '|', value = {
            "en|The day a patient called back and all three of us could see who had already phoned her.|We double-booked two patients because of that sync problem, and one of them complained to the owner.",
            "es|Un día llamó una clienta y las tres lo vimos, somos tres en recepción.|Ese día atendimos a dos clientas a la vez.",
            "de|Für die Software zahlen wir etwa 30 Euro im Monat.|Die Miete kostet uns 1500 Euro im Monat."})
    void people_met_as_people_and_prices_of_two_things_stay_quiet(String language, String earlier, String later) {
        assertThat(ContradictionMonitor.over(List.of(earlier, later), language)).isEmpty();
    }
}
