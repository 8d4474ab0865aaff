package dev.chassis.research.synthesis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chassis.research.transcript.Speaker;
import dev.chassis.research.transcript.Transcript;
import dev.chassis.research.transcript.Turn;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Statements in different languages about the same thing are grouped into one theme (issue 16.5), by the shared
 * concepts of {@code concepts.yaml} read through each language's analyser: no multilingual embedding model is served
 * by the registries reachable here. Three shop owners answered in English, three in Spanish and two in German, about
 * prices and about deliveries, each in their own words (none of these sentences is in the concept lexicon).
 */
class CrossLanguageThemesTest {

    private static final String QUESTION_EN = "What has changed in your shop this year?";
    private static final String QUESTION_ES = "¿Qué ha cambiado en su tienda este año?";
    private static final String QUESTION_DE = "Was hat sich dieses Jahr in Ihrem Laden verändert?";

    private static Transcript session(String id, String language, String question, String prices, String deliveries) {
        List<Turn> turns = new ArrayList<>();
        turns.add(Turn.of(1, Speaker.INTERVIEWER, question));
        turns.add(Turn.of(2, Speaker.PARTICIPANT, prices));
        turns.add(Turn.of(3, Speaker.INTERVIEWER, question));
        turns.add(Turn.of(4, Speaker.PARTICIPANT, deliveries));
        return new Transcript(id, Optional.empty(), Optional.of(language), turns, List.of());
    }

    private static final List<Transcript> SESSIONS = List.of(
            session("en-1", "en", QUESTION_EN, "The supplier raised the prices of flour twice since spring, so our margins are thin.",
                    "Deliveries come late almost every week and the driver never calls ahead."),
            session("en-2", "en", QUESTION_EN, "Honestly the prices for coffee beans went up so much that we changed the menu.",
                    "Our delivery of milk arrived two days late last month, we had to close the café early."),
            session("en-3", "en", QUESTION_EN, "Customers complain about our prices, but the rent and the electricity cost more too.",
                    "A delivery of cups went missing and nobody at the wholesaler could tell me where it was."),
            session("es-1", "es", QUESTION_ES, "El proveedor nos subió los precios de la harina dos veces desde la primavera.",
                    "Las entregas llegan tarde casi todas las semanas y el repartidor nunca avisa."),
            session("es-2", "es", QUESTION_ES, "Los precios del café subieron tanto que tuvimos que cambiar la carta entera.",
                    "La entrega de leche llegó con dos días de retraso y cerramos antes de tiempo."),
            session("es-3", "es", QUESTION_ES, "Los clientes se quejan de nuestros precios, pero el alquiler y la luz también suben.",
                    "Una entrega de vasos se perdió y en el almacén nadie supo decirme dónde estaba."),
            session("de-1", "de", QUESTION_DE, "Der Großhändler hat die Preise für Mehl seit dem Frühjahr zweimal erhöht.",
                    "Die Lieferungen kommen fast jede Woche zu spät und der Fahrer ruft nie vorher an."),
            session("de-2", "de", QUESTION_DE, "Die Preise für Kaffeebohnen sind so gestiegen, dass wir die Karte ändern mussten.",
                    "Die Lieferung mit der Milch kam zwei Tage zu spät, wir mussten früher schließen."));

    private static final Set<String> PRICE_WORDS = Set.of("price", "precio", "preise");
    private static final Set<String> DELIVERY_WORDS = Set.of("deliver", "entrega", "lieferung");

    private static boolean about(String text, Set<String> words) {
        String lower = text.toLowerCase(Locale.ROOT);
        return words.stream().anyMatch(lower::contains);
    }

    @Test
    void statements_in_three_languages_about_prices_are_one_theme_and_deliveries_another() {
        Synthesis s = Synthesizer.builder().build().synthesize(SESSIONS);

        Theme prices = s.themes().stream().filter(t -> t.findings().stream().flatMap(f -> f.quotes().stream())
                .filter(q -> about(q.text(), PRICE_WORDS)).count() >= 3).findFirst().orElseThrow(() -> new AssertionError(s.themes()));
        Set<String> priceLanguages = prices.sessionIds().stream().map(id -> id.substring(0, 2)).collect(Collectors.toSet());
        assertThat(priceLanguages).as("languages of %s", prices).containsExactlyInAnyOrder("en", "es", "de");
        assertThat(prices.quotes().stream().map(q -> q.session().substring(0, 2)).distinct()).as("languages quoted in %s", prices).hasSizeGreaterThanOrEqualTo(2);
        assertThat(prices.findings().stream().flatMap(f -> f.quotes().stream())).allSatisfy(q -> assertThat(about(q.text(), DELIVERY_WORDS)).isFalse());

        Theme deliveries = s.themes().stream().filter(t -> t != prices && t.findings().stream().flatMap(f -> f.quotes().stream())
                .anyMatch(q -> about(q.text(), DELIVERY_WORDS))).findFirst().orElseThrow(() -> new AssertionError(s.themes()));
        assertThat(deliveries.sessionIds().stream().map(id -> id.substring(0, 2)).distinct()).as("languages of %s", deliveries)
                .hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void each_language_names_the_shared_concept_with_its_own_words() {
        for (String[] said : List.of(new String[] {"es", "Los precios volvieron a subir en marzo."}, new String[] {"de", "Die Preise sind wieder gestiegen."},
                new String[] {"fr", "Les prix ont encore augmenté en mars."}, new String[] {"pl", "Ceny znowu poszły w górę."},
                new String[] {"ru", "Цены опять выросли в марте."}, new String[] {"en", "The prices went up again in March."})) {
            assertThat(Concepts.of(said[0], dev.chassis.research.synthesis.phrase.KeyPhrases.forLanguage(said[0]).words(said[1])))
                    .as("%s: %s", said[0], said[1]).containsExactly("price");
        }
        assertThat(Concepts.names()).contains("price", "delivery", "customer");
    }
}
