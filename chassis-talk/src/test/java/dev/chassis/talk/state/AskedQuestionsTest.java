package dev.chassis.talk.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AskedQuestionsTest {

    @Test
    void a_question_counts_as_asked_whatever_its_case_spacing_or_punctuation() {
        AskedQuestions asked = AskedQuestions.none().plus("How do you onboard new people?");
        assertThat(asked.includes("how do you  onboard new people")).isTrue();
        assertThat(asked.includes("How do you onboard new hires?")).isFalse();
    }

    @Test
    void an_older_list_does_not_see_questions_added_after_it() {
        AskedQuestions one = AskedQuestions.none().plus("First?");
        AskedQuestions two = one.plus("Second?");
        assertThat(one.includes("Second?")).isFalse();
        assertThat(two.includes("Second?")).isTrue();
        assertThat(one).containsExactly("First?");
        assertThat(two).isEqualTo(List.of("First?", "Second?"));
        assertThat(two.last()).isEqualTo("Second?");
    }

    @Test
    void chains_of_different_sessions_are_independent() {
        AskedQuestions a = AskedQuestions.none().plus("Same?");
        AskedQuestions b = AskedQuestions.none();
        assertThat(b.includes("Same?")).isFalse();
        assertThat(a.includes("Same?")).isTrue();
    }
}
