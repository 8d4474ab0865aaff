package dev.chassis.talk.realise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chassis.talk.directive.Angle;
import dev.chassis.talk.language.Languages;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The angles' wordings: every angle in every supported language, each naming its topic, no two alike; bad data located. */
class AngleWordingsTest {

    @Test
    void every_supported_language_words_every_angle_differently_around_its_topic() {
        assertThat(AngleWordings.languages()).containsExactlyInAnyOrderElementsOf(Languages.CODES);
        for (String language : Languages.CODES) {
            Set<String> seen = new HashSet<>();
            for (Angle a : Angle.values()) {
                String q = AngleWordings.ask(language, a, "TOPIC");
                assertThat(q).as(language + " " + a).contains("TOPIC").doesNotContain("{");
                assertThat(seen.add(q)).as(language + " " + a + " worded like another angle").isTrue();
            }
        }
    }

    @Test
    void a_missing_angle_or_topic_names_the_file_the_language_and_the_field() {
        assertThatThrownBy(() -> AngleWordings.parse("a.yaml", "en:\n  depends: \"{topic}: on what?\"\n"))
                .hasMessageContaining("a.yaml, language 'en', field 'about'").hasMessageContaining("missing");
        StringBuilder en = new StringBuilder("en:\n");
        for (Angle a : Angle.values()) {
            en.append("  ").append(a.key()).append(": \"").append(a == Angle.OTHERS ? "Who else?" : "{topic}: what?").append("\"\n");
        }
        assertThatThrownBy(() -> AngleWordings.parse("a.yaml", en.toString()))
                .hasMessageContaining("a.yaml, language 'en', field 'others'").hasMessageContaining("{topic}");
        assertThatThrownBy(() -> AngleWordings.parse("a.yaml", "fr:\n  depends: \"{topic} : de quoi ?\"\n"))
                .hasMessageContaining("a.yaml").hasMessageContaining("'en'");
    }
}
