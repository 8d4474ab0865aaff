package dev.chassis.talk.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chassis.talk.language.Languages;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Words with values (numbers, rates, periods) are tried longest first in every language, the same in every run: readers
 * take the first that matches, and an order salted per JVM read "once or twice a week" differently from run to run.
 */
class CuesOrderTest {

    @Test
    void words_with_values_are_tried_longest_first_in_every_language() {
        assertThat(List.copyOf(Cues.of("en").rate().keySet()))
                .containsExactly("a couple of times", "several times", "a few times", "many times", "twice", "once");
        for (String language : Languages.CODES) {
            Cues c = Cues.of(language);
            for (Map<String, Double> words : List.of(c.numbers(), c.rate(), c.periodic())) {
                List<Integer> lengths = words.keySet().stream().map(String::length).toList();
                assertThat(lengths).as(language).isSortedAccordingTo((a, b) -> Integer.compare(b, a));
            }
        }
    }
}
