package dev.chassis.talk.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.api.Test;

class LexiconTest {

    static final java.util.List<String> LANGUAGES = Lexicon.LANGUAGES;

    @ParameterizedTest
    @FieldSource("LANGUAGES")
    void every_language_names_each_concept_an_attempt_is_made_of(String code) {
        Map<Concept, Integer> coverage = Lexicon.shipped().coverage(code);
        assertThat(coverage).as(code).containsKeys(Concept.OVERRIDE, Concept.RULES, Concept.INSTRUCTIONS, Concept.REVEAL,
                Concept.OTHERS, Concept.ANSWERS, Concept.ROLEPLAY, Concept.YOUR, Concept.PRIOR, Concept.REQUEST);
    }

    @Test
    void a_malformed_line_is_located_by_file_and_line() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("common", "# shared\nrules = prompt\n");
        files.put("xx", "override = ignore\nthis line has no equals sign\n");
        assertThatThrownBy(() -> Lexicon.parse(files)).hasMessage("xx.cues:2: expected 'concept = cue | cue', found 'this line has no equals sign'");
        files.put("xx", "overide = ignore\n");
        assertThatThrownBy(() -> Lexicon.parse(files)).hasMessage("xx.cues:1: 'overide' is not a concept");
        files.put("xx", "override = ignore || forget\n");
        assertThatThrownBy(() -> Lexicon.parse(files)).hasMessage("xx.cues:1: an empty cue (two '|' in a row?)");
    }
}
