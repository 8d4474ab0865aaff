package dev.chassis.talk.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chassis.talk.signal.Claim;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Years of doing something against a start a month or a season ago ("last month", "diesen Frühling", "el verano pasado"). */
class RecentStartTest {

    @ParameterizedTest(name = "{0}: {1} / {2}")
    @CsvSource(delimiter = '|', value = {
            "en|I've been running this shop for twelve years.|I only started at this shop last month.",
            "de|Ich arbeite seit fünfzehn Jahren in der Kanzlei.|In der Kanzlei habe ich erst letzten Herbst angefangen.",
            "fr|Je travaille dans ce garage depuis vingt ans.|Je suis arrivé dans ce garage le mois dernier.",
            "es|Llevo diez años en esta oficina.|Empecé en esta oficina el verano pasado.",
            "pt|Trabalho nesta farmácia há quinze anos.|Comecei nesta farmácia no mês passado.",
            "it|Lavoro in questo negozio da dodici anni.|Ho cominciato in questo negozio il mese scorso.",
            "hi|मैं इस दफ़्तर में बारह साल से काम कर रहा हूँ।|मैं इस दफ़्तर में पिछले महीने ही आया हूँ।"})
    void years_against_a_start_weeks_ago_contradict(String language, String span, String start) {
        assertThat(Verdict.compare(claim(language, 1, span), claim(language, 3, start))).isPresent();
    }

    @ParameterizedTest(name = "{0}: {1} / {2}")
    @CsvSource(delimiter = '|', value = {
            "en|I've been running this shop for twelve years.|We started using the new till last month.",
            "de|Ich arbeite seit fünfzehn Jahren in der Kanzlei.|Meine Kollegin hat letzten Herbst angefangen.",
            "es|Llevo diez años en esta oficina.|El programa nuevo lo empezamos a usar el verano pasado."})
    void a_start_of_something_else_or_someone_else_does_not(String language, String span, String start) {
        assertThat(Verdict.compare(claim(language, 1, span), claim(language, 3, start))).isEmpty();
    }

    private static Claim claim(String language, int turn, String sentence) {
        LanguageMonitor.detect(sentence);   // read as a running server reads it, its language models loaded
        return ClaimExtractor.extract(turn, sentence, language, "work").getFirst();
    }
}
