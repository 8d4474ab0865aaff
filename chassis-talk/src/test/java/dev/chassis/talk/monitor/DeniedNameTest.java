package dev.chassis.talk.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chassis.talk.signal.Claim;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A named tool used for a whole job, then denied in a clause of its own; and what only looks like that. */
class DeniedNameTest {

    @ParameterizedTest(name = "{0}: {1} / {2}")
    @CsvSource(delimiter = '|', value = {
            "en|We do all our planning in Asana.|We don't use Asana at all.",
            "de|Wir planen alle Touren mit Routific.|Die Touren stehen in Excel, Routific nutzen wir nicht.",
            "es|Todas las citas las llevamos con Calendly.|Nunca hemos usado Calendly, las citas van por teléfono.",
            "fr|On passe toutes les commandes par Shopify.|On n'a jamais utilisé Shopify.",
            "pt|Fazemos todas as vendas pelo Shopify.|Não usamos Shopify, vendemos só na loja.",
            "it|Tutti i turni li facciamo con Deputy.|Deputy non l'abbiamo mai usato.",
            "ja|シフトはすべてSlackで連絡しています。|Slackは使っていません。"})
    void a_named_tool_for_a_whole_job_then_denied_contradicts(String language, String earlier, String later) {
        assertThat(Verdict.compare(claim(language, 1, earlier), claim(language, 3, later))).isPresent();
        assertThat(Verdict.compare(claim(language, 1, later), claim(language, 3, earlier))).as("either order").isPresent();
    }

    @ParameterizedTest(name = "{0}: {1} / {2}")
    @CsvSource(delimiter = '|', value = {
            "en|We use Slack for everything the team says.|We don't use Slack for calls with clients.",
            "en|I typically use AI tools when brainstorming.|Since my field is personal, AI is not a threat.",
            "en|We use Slack for everything the team says.|For calls we use Teams as well.",
            "en|We do all our planning in Asana.|My sister never uses Asana.",
            "de|Wir planen alle Touren mit Routific.|Früher haben wir Routific nicht gehabt.",
            "fr|On passe toutes les commandes par Shopify.|Les factures, on ne les fait pas dans Shopify mais dans Sage."})
    void a_denial_of_one_use_another_person_or_a_thought_about_the_name_does_not(String language, String earlier, String later) {
        assertThat(Verdict.compare(claim(language, 1, earlier), claim(language, 3, later))).isEmpty();
    }

    private static Claim claim(String language, int turn, String sentence) {
        LanguageMonitor.detect(sentence);   // read as a running server reads it, its language models loaded
        return ClaimExtractor.extract(turn, sentence, language, "tools").getFirst();
    }
}
