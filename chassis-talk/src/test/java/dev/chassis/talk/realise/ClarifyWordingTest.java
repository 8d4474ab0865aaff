package dev.chassis.talk.realise;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A clarification quotes both statements; a long one is cut between clauses and keeps what is put back (the number, the
 * "never", the frequency), where a cut after fourteen words once dropped it and the turn no longer showed both statements.
 */
class ClarifyWordingTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "en|Well, to be perfectly honest with you about how the whole team works here, we are only five drivers in total.|five drivers",
            "en|When the season is busy and the phones keep ringing all afternoon long at the front desk, I never check the rota.|never check the rota",
            "de|Wenn im Sommer viel los ist und das Telefon den ganzen Nachmittag klingelt, schaue ich nur einmal im Monat in den Plan.|einmal im Monat",
            "fr|Quand c'est la saison et que le téléphone sonne tout l'après-midi au comptoir, je ne regarde jamais le planning.|ne regarde jamais le planning",
            "es|Cuando llega la temporada alta y el teléfono no para de sonar en toda la tarde, reviso el inventario una vez al mes.|una vez al mes",
            "pt|Quando chega a época alta e o telefone toca a tarde toda no balcão da loja, somos só três pessoas a trabalhar.|três pessoas",
            "it|Quando arriva la stagione e il telefono squilla tutto il pomeriggio al banco del negozio, non uso mai il gestionale.|non uso mai il gestionale"})
    void a_long_statement_is_cut_between_clauses_and_keeps_its_value(String language, String statement, String value) {
        String quoted = DirectiveRealiser.shorten(statement, language);
        assertThat(quoted).contains(value);
        assertThat(quoted.replace("…", "").strip().split("\\s+")).hasSizeLessThanOrEqualTo(30);
        // Whole clauses only: what is kept ends where the statement or one of its clauses ends.
        String kept = quoted.replace("…", "").strip();
        assertThat(statement.replaceAll("[.!?]$", "")).satisfiesAnyOf(s -> assertThat(s).endsWith(kept), s -> assertThat(s).contains(kept + ","));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "en|I check the rota board every single morning before we open.",
            "ja|毎朝、開店前にシフト表を必ず確認しています。",
            "hi|मैं हर दिन हिसाब की किताब देखता हूँ।"})
    void a_short_statement_is_quoted_whole(String language, String statement) {
        assertThat(DirectiveRealiser.shorten(statement, language)).isEqualTo(statement.replaceAll("[.。।]$", ""));
    }
}
