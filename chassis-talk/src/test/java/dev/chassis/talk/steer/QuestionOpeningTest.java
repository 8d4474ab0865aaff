package dev.chassis.talk.steer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chassis.talk.language.Languages;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Steering puts a leading or closed question open (issue 13.4), as data per language: the closed questions of the
 * check's own table (written for the test, none in the resource files) are followed by the language's request for an
 * account in every supported language; leading ones are rewritten where a rewrite takes out what suggests the answer,
 * else left as written, to be asked once.
 */
class QuestionOpeningTest {

    @Test
    void a_closed_question_is_followed_by_a_request_for_an_account_in_every_supported_language() {
        JsonNode table = QuestionCheckLanguagesTest.table();
        List<String> still = new ArrayList<>();
        for (String code : Languages.CODES) {
            String invite = QuestionPatterns.of(code).invite();
            assertThat(invite).as("invite in questions/%s.questions", code).isNotBlank().doesNotContain("?", "？", "؟");
            for (JsonNode n : table.path(code).path("closed")) {
                String q = n.asText();
                String opened = QuestionCheck.opened(q, code);
                if (!QuestionCheck.closed(q, code)) {
                    continue; // the check itself missed it (its recall is QuestionCheckLanguagesTest's)
                }
                assertThat(opened).as(code).isEqualTo(q + " " + invite);
                if (QuestionCheck.closed(opened, code) || QuestionCheck.doubleBarrelled(opened, code) || QuestionCheck.leading(opened, code)) {
                    still.add(code + ": " + opened);
                }
            }
        }
        assertThat(still).isEmpty();
    }

    @Test
    void an_open_question_is_left_as_it_is() {
        assertThat(QuestionCheck.opened("How did you and your team first set up the app?", "en")).isEqualTo("How did you and your team first set up the app?");
        assertThat(QuestionCheck.opened("Wie oft nutzen Sie die App zurzeit?", "de")).isEqualTo("Wie oft nutzen Sie die App zurzeit?");
        assertThat(QuestionCheck.opened("Как обычно проходит рабочая неделя в вашем сервисе?", "ru")).isEqualTo("Как обычно проходит рабочая неделя в вашем сервисе?");
    }

    @Test
    void a_leading_question_loses_what_suggests_its_answer_where_a_rewrite_can_take_it_out() {
        assertThat(QuestionCheck.opened("Don't you think the weekly report is too long?", "en"))
                .isEqualTo("Do you think the weekly report is too long? Tell me a little about it.");
        assertThat(QuestionCheck.opened("How easy was it to set up the first board?", "en")).isEqualTo("What was it like to set up the first board?");
        assertThat(QuestionCheck.opened("Was the Excel import obviously faster?", "en")).isEqualTo("Was the Excel import faster? Tell me a little about it.");
        assertThat(QuestionCheck.opened("Die Schulung war zu kurz, oder?", "de")).doesNotContain("oder");
        for (String q : new String[] {"Die Schulung war zu kurz, oder?", "Die neue Version ist doch viel schneller, nicht wahr?"}) {
            assertThat(QuestionCheck.leading(QuestionCheck.opened(q, "de"), "de")).as(q).isFalse();
        }
    }

    @Test
    void a_leading_question_no_rewrite_can_open_is_left_as_written_to_be_asked_once() {
        assertThat(QuestionCheck.opened("You must have been relieved when it finally worked?", "en"))
                .isEqualTo("You must have been relieved when it finally worked?");
        assertThat(QuestionCheck.opened("Le nouveau logiciel est bien plus simple, n'est-ce pas ?", "fr"))
                .isEqualTo("Le nouveau logiciel est bien plus simple, n'est-ce pas ?");
    }

    @Test
    void a_rewrite_without_its_arrow_is_one_clear_error_naming_file_line_and_field() {
        assertThatThrownBy(() -> QuestionPatterns.parse("xx", "questions/xx.questions", "open = \\bhow\\b\nunlead = \\bsurely\\b\n"))
                .hasMessage("questions/xx.questions, line 2, field 'unlead': expected 'unlead = pattern => replacement', found '\\bsurely\\b'");
    }
}
