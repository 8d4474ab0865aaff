package dev.chassis.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class WordsTest {

    /**
     * Texts from a seeded generator plus the edge cases a generator may miss. Each property runs over all of them in
     * one test (a parameterized case each would cost more than the property); a failure names the case's index.
     */
    static List<String> texts() {
        Stream<String> edges = Stream.of("", " ", "\t\n", "a", " a ", "a  b", "\u00a0x\u2003y\u3000", "😀 😀", "\ud800", "a\u0000b", "x".repeat(500));
        return Stream.concat(edges, IntStream.range(0, 1_000).mapToObj(seed -> RandomText.of(new Random(seed)))).toList();
    }

    private static void forEachText(java.util.function.Consumer<String> property) {
        List<String> texts = texts();
        for (int i = 0; i < texts.size(); i++) {
            try {
                property.accept(texts.get(i));
            } catch (AssertionError e) {
                throw new AssertionError("text " + i + " (seed " + (i - 11) + " when past the 11 edge cases): '" + texts.get(i) + "'", e);
            }
        }
    }

    @Test
    void tokens_always_join_back_to_the_text() {
        forEachText(text -> assertThat(String.join("", Words.tokens(text))).isEqualTo(text));
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

    @Test
    void count_and_at_least_agree_with_splitting_on_whitespace() {
        forEachText(WordsTest::countAgrees);
    }

    private static void countAgrees(String text) {
        int expected = text.isBlank() ? 0 : text.strip().split("\\p{javaWhitespace}+").length;
        assertThat(Words.count(text)).isEqualTo(expected);
        for (int n = 0; n <= 50; n += 7) {
            assertThat(Words.atLeast(text, n)).as("at least %d", n).isEqualTo(expected >= n);
        }
    }

    @Test
    void clip_keeps_short_texts_and_cuts_long_ones_to_their_first_words() {
        forEachText(WordsTest::clipKeepsFirstWords);
    }

    private static void clipKeepsFirstWords(String text) {
        String[] words = text.strip().split("\\p{javaWhitespace}+");
        for (int max = 1; max <= 40; max += 13) {
            String clipped = Words.clip(text, max);
            if (text.isBlank() || words.length <= max) {
                assertThat(clipped).isEqualTo(text.strip());
            } else {
                assertThat(clipped).isEqualTo(String.join(" ", java.util.Arrays.copyOf(words, max)) + " …");
            }
        }
    }

    @Test
    void clip_normalises_the_spaces_only_of_what_it_cuts() {
        assertThat(Words.clip("  one\ttwo  ", 5)).isEqualTo("one\ttwo");
        assertThat(Words.clip("one\ttwo  three four", 3)).isEqualTo("one two three …");
    }

    /** Random text weighted towards what word splitting must get right: spaces of every kind, scripts, marks, surrogates. */
    static final class RandomText {
        private static final String[] PIECES = {" ", "  ", "\t", "\n", "\r\n", "\u00a0", "\u2003", "\u3000", "\u200b", ",", ".", "!", "'", "’",
            "-", "a", "word", "Ünïcödé", "日本語", "हिन्दी", "العربية", "😀", "\ud83d", "\u0301", "\u0000", "42", "x_y"};

        static String of(Random r) {
            StringBuilder b = new StringBuilder();
            int parts = r.nextInt(40);
            for (int i = 0; i < parts; i++) {
                b.append(r.nextInt(5) == 0 ? (char) r.nextInt(0x3000) : PIECES[r.nextInt(PIECES.length)]);
            }
            return b.toString();
        }
    }
}
