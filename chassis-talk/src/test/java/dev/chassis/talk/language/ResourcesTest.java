package dev.chassis.talk.language;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.chassis.talk.stage.CulturalPacks;
import dev.chassis.talk.text.Cues;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Every supported language has its own cues, cultural pack and offline templates, complete. */
class ResourcesTest {

    static final List<String> CODES = Languages.CODES;

    @ParameterizedTest
    @FieldSource("CODES")
    void every_language_reads_answers_with_its_own_cues(String code) {
        Cues c = Cues.of(code);
        assertThat(c.language()).as("%s has its own cues file", code).isEqualTo(code);
        for (List<String> list : List.of(c.negation(), c.firstPerson(), c.refusal(), c.harm(), c.distress(), c.intensity(), c.hedges(),
                c.positiveWords(), c.negativeWords())) {
            assertThat(list).as(code).isNotEmpty();
        }
        assertThat(c.frequency()).as(code).isNotEmpty();
        assertThat(c.units()).as(code).isNotEmpty();
        if (!c.unspaced()) {
            assertThat(c.function()).as(code).hasSizeGreaterThan(20);
        }
        assertThat(c.unspaced()).as("unspaced scripts match by substring").isEqualTo(Languages.of(code).unspaced() || code.equals("ko"));
    }

    @Test
    void yaml_words_that_look_like_booleans_stay_words() {
        assertThat(Cues.of("cs").function()).contains("on", "ona");
        assertThat(Cues.of("nb").function()).contains("ikke");
        assertThat(Cues.of("en").negation()).contains("no");
        assertThat(Cues.of("es").negation()).contains("no");
        assertThat(Cues.of("fr").firstPerson()).contains("on");
        assertThat(Cues.of("pt").function()).contains("no");
    }

    @ParameterizedTest
    @FieldSource("CODES")
    void every_language_has_a_cultural_pack_and_every_template(String code) {
        var pack = CulturalPacks.of(code);
        assertThat(pack.language()).as(code).contains(Languages.of(code).name());
        assertThat(pack.notes()).as(code).isNotEmpty();
        JsonNode templates = yaml("/dev/chassis/talk/realise/templates.yaml");
        templates.path("en").fieldNames().forEachRemaining(key ->
                assertThat(templates.path(code).path(key).size()).as("%s %s", code, key).isPositive());
    }

    @Test
    void a_negation_just_before_a_cue_counts_in_chinese_and_thai() {
        Cues zh = Cues.of("zh");
        String t = "我一点也不害怕";
        assertThat(zh.negatedAt(t, t.indexOf("害怕"), 2)).isTrue();
        String plain = "我很害怕";
        assertThat(zh.negatedAt(plain, plain.indexOf("害怕"), 2)).isFalse();
        Cues th = Cues.of("th");
        String thai = "ผมไม่กลัวเลย";
        assertThat(th.negatedAt(thai, thai.indexOf("กลัว"), 4)).isTrue();
    }

    private static JsonNode yaml(String resource) {
        try (InputStream in = ResourcesTest.class.getResourceAsStream(resource)) {
            return new ObjectMapper(new YAMLFactory()).readTree(in);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
