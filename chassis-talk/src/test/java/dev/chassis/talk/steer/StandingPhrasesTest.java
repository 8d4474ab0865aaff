package dev.chassis.talk.steer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chassis.talk.language.Languages;
import org.junit.jupiter.api.Test;

/**
 * "It depends" said without saying on what, and a person asking to stop, as data: every supported language, read where the
 * phrase stands in its sentence, bad lines refused with file, line and field. The answers are written by hand.
 */
class StandingPhrasesTest {

    @Test
    void every_supported_language_has_both_lists() {
        assertThat(Depends.languages()).containsExactlyInAnyOrderElementsOf(Languages.CODES);
        assertThat(Leaving.languages()).containsExactlyInAnyOrderElementsOf(Languages.CODES);
    }

    @Test
    void it_depends_alone_is_bare_and_it_depends_on_something_is_not() {
        assertThat(Depends.bare("It depends.", "en")).isTrue();
        assertThat(Depends.bare("Honestly? It depends.", "en")).isTrue();
        assertThat(Depends.bare("Ça dépend, vraiment.", "fr")).isTrue();
        assertThat(Depends.bare("Kommt drauf an.", "de")).isTrue();
        assertThat(Depends.bare("Depende.", "es")).isTrue();
        assertThat(Depends.bare("To zależy.", "pl")).isTrue();
        assertThat(Depends.bare("看情况吧。", "zh")).isTrue();
        // Said on what: a researcher follows that up on its own words, not with "on what?".
        assertThat(Depends.bare("It depends on the client and the season.", "en")).isFalse();
        assertThat(Depends.bare("Ez attól függ, milyen a hét.", "hu")).isFalse();
        assertThat(Depends.bare("Depende del día y de cuántos pacientes vengan.", "es")).isFalse();
        assertThat(Depends.bare("Das hängt davon ab, wie viele Aufträge in der Woche reinkommen, meistens sind es drei.", "de")).isFalse();
        // Not the phrase: "independent" holds "depend" but is no such answer.
        assertThat(Depends.bare("I'm independent.", "en")).isFalse();
        assertThat(Depends.bare("Je suis indépendant.", "fr")).isFalse();
    }

    @Test
    void asking_to_stop_is_read_where_the_phrase_ends_its_sentence() {
        assertThat(Leaving.asked("Sorry, I have to go now.", "en")).isTrue();
        assertThat(Leaving.asked("Can we stop here? I'm really tired.", "en")).isTrue();
        assertThat(Leaving.asked("Können wir hier aufhören?", "de")).isTrue();
        assertThat(Leaving.asked("Ich muss jetzt los.", "de")).isTrue();
        assertThat(Leaving.asked("Désolée, je dois y aller.", "fr")).isTrue();
        assertThat(Leaving.asked("Lo siento, tengo que irme.", "es")).isTrue();
        assertThat(Leaving.asked("すみません、もう時間がありません。", "ja")).isTrue();
        // The same words about something else.
        assertThat(Leaving.asked("I have to go through three screens to find an invoice.", "en")).isFalse();
        assertThat(Leaving.asked("I'd like to stop paying for seats nobody uses.", "en")).isFalse();
        assertThat(Leaving.asked("Ich muss gehen und die Rechnungen einzeln abtippen, jeden Freitag.", "de")).isFalse();
        assertThat(Leaving.asked("I don't want to stop using it.", "en")).isFalse();
    }

    @Test
    void a_bad_line_names_the_file_the_line_and_the_field() {
        assertThatThrownBy(() -> Standing.parse("d.txt", "en: it depends\nqq: kommt drauf an"))
                .hasMessageContaining("d.txt, line 2, field 'language'").hasMessageContaining("'qq'");
        assertThatThrownBy(() -> Standing.parse("d.txt", "en: it depends | 50/50"))
                .hasMessageContaining("d.txt, line 1, field 'words'").hasMessageContaining("'50/50'");
    }
}
