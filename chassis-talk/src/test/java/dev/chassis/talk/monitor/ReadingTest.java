package dev.chassis.talk.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chassis.talk.signal.Claim;
import dev.chassis.talk.text.Feelings;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The lexical tier reads answers in every supported language: feelings, the language spoken, claims across a switch. */
class ReadingTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "en|A patient came to harm on my shift and I still think about it.",
            "en|I was so scared I could not sleep for weeks.",
            "fr|Un patient en a souffert pendant ma garde, et j'y pense encore.",
            "de|Ich hatte solche Angst, ich war völlig verzweifelt.",
            "es|Tuve que cerrar el horno y lloré toda la noche, estaba destrozada.",
            "pt|Meu pai faleceu no ano passado e eu fiquei muito sozinho.",
            "ja|患者さんが亡くなりました。本当に辛かったです。",
            "hi|उस रात एक मरीज़ की मौत हो गई, मैं बहुत डर गई थी।",
            "ar|توفي مريض في مناوبتي وبكيت كثيراً."})
    void a_hard_moment_is_read_in_every_language(String language, String answer) {
        assertThat(Feelings.read(answer, language)).hasValueSatisfying(m -> {
            assertThat(m.intensity()).isGreaterThanOrEqualTo(Feelings.STRONG);
            assertThat(m.valence()).isNegative();
        });
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "en|Nobody was hurt, it was just a slow week.",
            "en|I'm not worried about the costs.",
            "en|The old software was terrible at exports.",
            "fr|Je n'ai pas eu peur, tout s'est bien passé.",
            "es|No tuve miedo, la verdad.",
            "de|Ich hatte keine Angst davor.",
            "en|We use it every morning before the team meeting."})
    void negated_mild_or_plain_answers_are_not_a_hard_moment(String language, String answer) {
        assertThat(Feelings.read(answer, language).filter(m -> m.intensity() >= Feelings.STRONG)).isEmpty();
    }

    @Test
    void the_language_spoken_needs_most_of_the_answer_and_its_function_words() {
        LanguageMonitor.detect("Das ist ein deutscher Satz mit genug Wörtern."); // models loaded, as some seconds after start-up
        assertThat(LanguageMonitor.spoken("Perdón, prefiero seguir en español. La uso todos los días para coordinar a los proveedores.", "en"))
                .isEqualTo("es");
        assertThat(LanguageMonitor.spoken("I moved the invoices into the new system over a weekend and it was fine.", "en")).isEqualTo("en");
        // A code-switcher: Portuguese with English phrases in it is still Portuguese.
        assertThat(LanguageMonitor.spoken("Eu uso o app todo dia, tipo, for the invoices and stuff, mas o resto faço no caderno.", "pt"))
                .isIn("pt", null);
        assertThat(LanguageMonitor.spoken("Yes, ok.", "en")).isNull();
    }

    @Test
    void a_group_size_contradicted_across_a_switch_of_language_is_found() {
        Claim six = ClaimExtractor.extract(1, "There are six of us in the office.", "en", "team").getFirst();
        Claim fifteen = ClaimExtractor.extract(5, "Somos quince en la oficina y es difícil coordinarnos.", "es", "value").getFirst();
        assertThat(Verdict.compare(six, fifteen)).hasValueSatisfying(v -> assertThat(v[0]).isEqualTo("number"));
        Claim same = ClaimExtractor.extract(6, "Seguimos siendo seis, somos seis en total.", "es", "value").getFirst();
        assertThat(Verdict.compare(six, same)).isEmpty();
    }

    @Test
    void frequencies_compare_in_other_languages_and_under_negation() {
        List<Claim> often = ClaimExtractor.extract(1, "Les retards sont rares, je prends le train tous les jours.", "fr", "delays");
        assertThat(often).anyMatch(c -> c.frequency().filter("always"::equals).isPresent());
        Claim notAlways = ClaimExtractor.extract(2, "I don't always take the train on Fridays.", "en", "trips").getFirst();
        assertThat(notAlways.frequency()).hasValue("sometimes");
        Claim daily = ClaimExtractor.extract(3, "Ich fahre jeden Tag mit dem Zug.", "de", "trips").getFirst();
        Claim never = ClaimExtractor.extract(5, "Ich fahre eigentlich nie mit dem Zug.", "de", "trips").getFirst();
        assertThat(Verdict.compare(daily, never)).hasValueSatisfying(v -> assertThat(v[0]).isEqualTo("frequency"));
    }
}
