package dev.chassis.talk.judge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A judge's answer is read strictly: one JSON object of the asked shape, or it is malformed and the lexical verdict stands. */
class StrictAnswerTest {

    @Test
    void an_answer_of_the_asked_shape_is_read() {
        EmotionJudgment.Answer a = Judge.parse(" {\"moment\": true, \"valence\": -0.7, \"intensity\": 0.9, \"quote\": \"she died\"}\n",
                EmotionJudgment.Answer.class);
        assertThat(a).isEqualTo(new EmotionJudgment.Answer(true, -0.7, 0.9, "she died"));
        assertThat(Judge.parse("{\"on_topic\": true, \"substantive\": false, \"explored\": false}", CoverageJudgment.Answer.class))
                .isEqualTo(new CoverageJudgment.Answer(true, false, false));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "yes",                                                                              // prose
            "```json\n{\"on_topic\": true, \"substantive\": true, \"explored\": true}\n```",   // fenced
            "{\"on_topic\": \"true\", \"substantive\": true, \"explored\": true}",             // a string for a boolean
            "{\"on_topic\": true, \"substantive\": true}",                                       // a field missing
            "{\"on_topic\": true, \"substantive\": true, \"explored\": true, \"why\": \"x\"}",   // a field not asked for
            "{\"on_topic\": true, \"substantive\": true, \"explored\": null}",                  // null
            "{\"on_topic\": true, \"substantive\": true, \"explored\": true} and more",         // trailing text
            "{\"on_topic\": 1, \"substantive\": true, \"explored\": true}"})                    // a number for a boolean
    void anything_else_is_malformed(String text) {
        assertThatThrownBy(() -> Judge.parse(text, CoverageJudgment.Answer.class)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void values_out_of_range_are_malformed() {
        assertThatThrownBy(() -> Judge.parse("{\"moment\": true, \"valence\": -3, \"intensity\": 0.9, \"quote\": \"x\"}",
                EmotionJudgment.Answer.class)).isInstanceOf(IllegalArgumentException.class);
    }
}
