package dev.chassis.talk.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chassis.talk.signal.Claim;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The role the person claimed, later given to someone else beside another role of their own. */
class GivenRoleTest {

    @ParameterizedTest(name = "{0}: {1} / {2}")
    @CsvSource(delimiter = '|', value = {
            "en|I'm the manager of the pharmacy.|I'm a pharmacist here, the manager is my colleague.",
            "de|Ich bin die Chefin der Bäckerei.|Ich bin Verkäuferin in der Bäckerei, die Chefin ist meine Schwester.",
            "es|Soy el encargado del almacén.|Soy mozo de almacén, el encargado es mi hermano.",
            "fr|Je suis la directrice de l'école.|Je suis institutrice, la directrice c'est ma collègue.",
            "pt|Sou o gerente da loja.|Sou só vendedor na loja, o gerente é o meu irmão."})
    void a_role_claimed_then_given_to_another_contradicts(String language, String earlier, String later) {
        assertThat(Verdict.compare(claim(language, 1, earlier), claim(language, 3, later))).isPresent();
    }

    @ParameterizedTest(name = "{0}: {1} / {2}")
    @CsvSource(delimiter = '|', value = {
            "en|I'm the manager of the pharmacy.|I'm also a pharmacist, my colleague is a pharmacist too.",
            "de|Ich bin die Chefin der Bäckerei.|Ich bin auch Konditorin, meine Schwester ist Verkäuferin.",
            "es|Soy el encargado del almacén.|Mi hermano es mozo de almacén."})
    void another_persons_other_role_does_not(String language, String earlier, String later) {
        assertThat(Verdict.compare(claim(language, 1, earlier), claim(language, 3, later))).isEmpty();
    }

    private static Claim claim(String language, int turn, String sentence) {
        LanguageMonitor.detect(sentence);   // read as a running server reads it, its language models loaded
        return ClaimExtractor.extract(turn, sentence, language, "work").getFirst();
    }
}
