package dev.chassis.talk.steer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chassis.talk.language.Languages;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The determiners file as data (a line for every language written with spaces, bad lines refused with file, line and
 * field), and quotes that never end right before an article, a possessive or a demonstrative: the object of the word
 * before it would be cut off. The determiners checked are this test's own, written for it.
 */
class DeterminersTest {

    private static final Set<String> UNSPACED = Set.of("ja", "zh", "th");

    /** Sentences the file was not written from, with the determiners of each language that may follow a verb. */
    private static final Map<String, Map.Entry<String, Set<String>>> SAID = Map.of(
            "en", Map.entry("The first thing I tried was moving our design review checklist over to the new board.",
                    Set.of("our", "the", "a", "my", "this", "their")),
            "de", Map.entry("Als Erstes habe ich versucht unsere alte Checkliste für die Designprüfung in das neue Board zu übertragen.",
                    Set.of("unsere", "die", "das", "eine", "meine")),
            "fr", Map.entry("La première chose que j'ai essayée était de déplacer notre liste de contrôle vers le nouveau tableau.",
                    Set.of("notre", "le", "la", "les", "une", "ma")),
            "es", Map.entry("Lo primero que intenté fue mover nuestra lista de revisión de diseño al nuevo tablero sin ayuda.",
                    Set.of("nuestra", "la", "el", "una", "mi")),
            "sv", Map.entry("Det första jag försökte var att flytta vår checklista för designgranskning till den nya tavlan.",
                    Set.of("vår", "den", "en", "min")),
            "pl", Map.entry("Najpierw próbowałam przenieść naszą starą listę kontrolną przeglądów projektu na nową tablicę bez pomocy.",
                    Set.of("naszą", "moją", "tę")),
            "ru", Map.entry("Сначала я попробовала перенести наш старый список проверок дизайна на новую доску без всякой помощи.",
                    Set.of("наш", "мой", "этот")));

    @Test
    void every_language_written_with_spaces_has_its_determiners() {
        for (String code : Languages.CODES) {
            assertThat(Determiners.of(code).isEmpty()).as(code).isEqualTo(UNSPACED.contains(code));
        }
        assertThat(Determiners.languages()).doesNotContainAnyElementsOf(UNSPACED);
    }

    @Test
    void a_bad_line_names_the_file_the_line_and_the_field() {
        assertThatThrownBy(() -> Determiners.parse("d.txt", "# words\nen: the\nxx: le"))
                .hasMessageContaining("d.txt, line 3, field 'language'").hasMessageContaining("'xx'");
        assertThatThrownBy(() -> Determiners.parse("d.txt", "de: der, die"))
                .hasMessageContaining("d.txt, line 1, field 'words'").hasMessageContaining("'der,'");
        assertThatThrownBy(() -> Determiners.parse("d.txt", "fr post: le"))
                .hasMessageContaining("d.txt, line 1").hasMessageContaining("expected 'code: ...'");
    }

    @Test
    void a_quote_does_not_end_right_before_a_determiner() {
        SAID.forEach((language, said) -> {
            String answer = said.getKey();
            String quote = Quotes.salient(answer, 6, language);
            assertThat(quote).as(language).isNotEmpty();
            assertThat(answer).as(language).contains(quote);
            String after = answer.substring(answer.indexOf(quote) + quote.length()).strip();
            String next = after.isEmpty() || !Character.isLetter(after.charAt(0)) ? "" : after.split("[\\s.,]+")[0].toLowerCase(Locale.ROOT);
            assertThat(said.getValue()).as("%s: '%s' ends right before '%s'", language, quote, next).doesNotContain(next);
        });
    }
}
