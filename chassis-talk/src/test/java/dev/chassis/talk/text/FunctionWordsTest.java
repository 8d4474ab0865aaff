package dev.chassis.talk.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chassis.talk.language.Languages;
import dev.chassis.talk.language.Script;
import dev.chassis.talk.language.SupportedLanguage;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The index counts what counting each language's function words one by one counts: for texts that mix the function
 * words of every language of a script with words of none, the counts per language, in the script's order, are those of
 * a plain count over each language's own cue list.
 */
class FunctionWordsTest {

    @Test
    void counts_per_language_as_a_plain_count_over_each_languages_own_list() {
        SplittableRandom random = new SplittableRandom(18);
        int checked = 0;
        for (Script script : Script.values()) {
            List<SupportedLanguage> ofScript = Languages.ALL.stream().filter(l -> l.script() == script).toList();
            if (ofScript.isEmpty()) {
                continue;
            }
            FunctionWords index = FunctionWords.of(script);
            assertThat(index.ofScript()).isEqualTo(ofScript);
            List<String> pool = new ArrayList<>(List.of("river", "kitchen", "zzq", "tuesday", "mañana", "über"));
            ofScript.forEach(l -> pool.addAll(Cues.of(l.code()).function()));
            for (int text = 0; text < 200; text++) {
                String[] words = new String[1 + random.nextInt(60)];
                for (int i = 0; i < words.length; i++) {
                    words[i] = pool.get(random.nextInt(pool.size()));
                }
                int[] counts = index.counts(words);
                assertThat(counts[ofScript.size()]).isEqualTo(words.length);
                for (int l = 0; l < ofScript.size(); l++) {
                    Cues cues = Cues.of(ofScript.get(l).code());
                    int plain = 0;
                    for (String w : words) {
                        plain += cues.function().contains(w) ? 1 : 0;
                    }
                    int expected = cues.language().equals(ofScript.get(l).code()) ? plain : -1;
                    assertThat(counts[l]).as("%s in %s", ofScript.get(l).code(), String.join(" ", words)).isEqualTo(expected);
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(1000);
    }
}
