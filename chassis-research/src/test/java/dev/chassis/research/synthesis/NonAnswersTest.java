package dev.chassis.research.synthesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NonAnswersTest {

    @Test
    void a_sentence_that_declines_to_answer_is_a_non_answer_in_its_language() {
        assertThat(NonAnswers.is("I'd say it depends on the project and how close the deadline is.", "en")).isTrue();
        assertThat(NonAnswers.is("Hard to say, really.", "en")).isTrue();
        assertThat(NonAnswers.is("Es kommt darauf an, wer fragt.", "de")).isTrue();
        assertThat(NonAnswers.is("Ça dépend des jours.", "fr")).isTrue();
        assertThat(NonAnswers.is("Depende del cliente.", "es")).isTrue();
    }

    @Test
    void a_sentence_that_answers_is_not_even_when_it_names_a_dependency_or_a_doubt() {
        assertThat(NonAnswers.is("Our release depends on the build passing.", "en")).isFalse();
        assertThat(NonAnswers.is("I don't know how we managed before the boards.", "en")).isFalse();
        assertThat(NonAnswers.is("It dependsonnothing", "en")).isFalse();
        assertThat(NonAnswers.is("It depends on the project.", "ja")).as("a language without a line has none").isFalse();
    }

    @Test
    void a_bad_line_is_refused_naming_the_file_the_line_and_the_field() {
        assertThatThrownBy(() -> NonAnswers.parse("non-answers.txt", "# list\nen: it depends\nen lead i'd say"))
                .hasMessage("non-answers.txt, line 3: expected 'code: phrase | phrase' or 'code lead: phrase | phrase', found 'en lead i'd say'");
        assertThatThrownBy(() -> NonAnswers.parse("non-answers.txt", "en: it depends || hard to say"))
                .hasMessage("non-answers.txt, line 1, field 'en': an empty phrase (two '|' in a row, or one at the end?); write a phrase or remove the '|'");
    }
}
