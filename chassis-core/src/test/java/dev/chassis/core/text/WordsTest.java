package dev.chassis.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class WordsTest {

    @Property
    void tokens_always_join_back_to_the_text(@ForAll String text) {
        assertThat(String.join("", Words.tokens(text))).isEqualTo(text);
    }

    @Test
    void tokens_keep_the_leading_space_with_the_word() {
        assertThat(Words.tokens("Hi there, Ada!")).containsExactly("Hi", " there", ",", " Ada", "!");
    }

    @Test
    void key_terms_skip_function_words_and_rank_by_frequency() {
        assertThat(KeyTerms.of("I use the tool for onboarding. Onboarding was slow, and the tool crashed.", 3))
                .containsExactly("onboarding", "tool", "slow");
    }
}
