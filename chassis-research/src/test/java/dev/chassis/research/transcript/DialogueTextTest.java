package dev.chassis.research.transcript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class DialogueTextTest {

    @Test
    void labelled_paragraphs_become_numbered_turns_with_their_speakers() {
        List<Turn> turns = DialogueText.parse("Assistant: Hello.\n\nUser: Hi there.\n\nAI: How was it?\n\nUser: Fine.");

        assertThat(turns).extracting(Turn::number).containsExactly(1, 2, 3, 4);
        assertThat(turns).extracting(Turn::speaker).containsExactly(
                Speaker.INTERVIEWER, Speaker.PARTICIPANT, Speaker.INTERVIEWER, Speaker.PARTICIPANT);
        assertThat(turns).extracting(Turn::text).containsExactly("Hello.", "Hi there.", "How was it?", "Fine.");
    }

    @Test
    void a_paragraph_without_a_label_continues_the_turn_verbatim() {
        List<Turn> turns = DialogueText.parse("AI: Tell me.\n\nUser: First part.\n\nSecond part:  with  spaces.\n\nAI: Thanks.");

        assertThat(turns).hasSize(3);
        assertThat(turns.get(1).text()).isEqualTo("First part.\n\nSecond part:  with  spaces.");
    }

    @Test
    void a_label_inside_a_paragraph_does_not_start_a_turn() {
        List<Turn> turns = DialogueText.parse("AI: Who said it?\n\nUser: My boss said\nUser: do it now.");

        assertThat(turns).hasSize(2);
        assertThat(turns.get(1).text()).isEqualTo("My boss said\nUser: do it now.");
    }

    @Test
    void windows_line_endings_are_normalised() {
        List<Turn> turns = DialogueText.parse("AI: One?\r\n\r\nUser: Two.\r\nThree.");

        assertThat(turns).extracting(Turn::text).containsExactly("One?", "Two.\nThree.");
    }

    @Test
    void text_before_the_first_label_is_rejected_with_what_was_found() {
        assertThatThrownBy(() -> DialogueText.parse("Hello everyone\n\nUser: hi"))
                .isInstanceOf(DialogueText.NoLabelException.class)
                .hasMessage("the dialogue must start with a speaker label (AI:, Assistant:, Interviewer:, User: or Participant:), found 'Hello everyone'");
    }

    @Test
    void formatting_and_parsing_round_trip() {
        List<Turn> turns = List.of(Turn.of(1, Speaker.INTERVIEWER, "Why?"), Turn.of(2, Speaker.PARTICIPANT, "Because.\n\nReally."));

        assertThat(DialogueText.parse(DialogueText.format(turns))).isEqualTo(turns);
    }
}
