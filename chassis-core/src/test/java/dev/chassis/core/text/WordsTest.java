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

    @Property
    void count_and_at_least_agree_with_splitting_on_whitespace(@ForAll String text, @ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 50) int n) {
        int expected = text.isBlank() ? 0 : text.strip().split("\\p{javaWhitespace}+").length;
        assertThat(Words.count(text)).isEqualTo(expected);
        assertThat(Words.atLeast(text, n)).isEqualTo(expected >= n);
    }

    @Property
    void clip_keeps_short_texts_and_cuts_long_ones_to_their_first_words(@ForAll String text, @ForAll @net.jqwik.api.constraints.IntRange(min = 1, max = 40) int max) {
        String[] words = text.strip().split("\\p{javaWhitespace}+");
        String clipped = Words.clip(text, max);
        if (text.isBlank() || words.length <= max) {
            assertThat(clipped).isEqualTo(text.strip());
        } else {
            assertThat(clipped).isEqualTo(String.join(" ", java.util.Arrays.copyOf(words, max)) + " …");
        }
    }

    @Test
    void clip_normalises_the_spaces_only_of_what_it_cuts() {
        assertThat(Words.clip("  one\ttwo  ", 5)).isEqualTo("one\ttwo");
        assertThat(Words.clip("one\ttwo  three four", 3)).isEqualTo("one two three …");
    }
}
