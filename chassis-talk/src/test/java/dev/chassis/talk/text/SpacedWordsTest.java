package dev.chassis.talk.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link Cues#spacedWords} counts a stripped text's words exactly as {@code split("\\s+").length} does. */
class SpacedWordsTest {

    private static final String PIECES = "ab é\t\n\u000B\f\r\u00A0\u2003\u3000x,.'日本 ";

    @Test
    void counts_as_split_on_whitespace_does_for_any_stripped_text() {
        SplittableRandom random = new SplittableRandom(18);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder b = new StringBuilder();
            int length = random.nextInt(12);
            for (int i = 0; i < length; i++) {
                b.append(PIECES.charAt(random.nextInt(PIECES.length())));
            }
            String stripped = b.toString().strip();
            assertThat(Cues.spacedWords(stripped)).as("'%s'", stripped).isEqualTo(stripped.split("\\s+").length);
        }
    }

    @Test
    void words_of_an_ordinary_answer() {
        assertThat(Cues.spacedWords("We  moved\tto the\nnew tool")).isEqualTo(6);
        assertThat(Cues.spacedWords("")).isEqualTo(1);
    }
}
