package dev.chassis.research.synthesis.phrase;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Theme names from phrases as said: an English verb phrase by its gerund, unless the gerund would be a made-up word. */
class WordingTest {

    /** The phrase as {@link KeyPhrases} reads it in a sentence: its key is the tagger's and stemmer's, not this test's. */
    private static Phrase said(String sentence, String surface) {
        return KeyPhrases.forLanguage("en").analyse(sentence).phrases().stream().filter(p -> p.surface().equals(surface)).findFirst()
                .orElseThrow(() -> new AssertionError("no phrase '" + surface + "' in: " + sentence));
    }

    @Test
    void a_verb_phrase_is_named_by_its_gerund_in_english() {
        assertThat(Wording.name(said("I always checked the sources it gave.", "checked the sources"), "en")).isEqualTo("Checking sources");
        assertThat(Wording.name(said("We wrote the report together.", "wrote the report"), "en")).isEqualTo("Writing report");
        assertThat(Wording.name(said("I use AI tools every day.", "use AI tools"), "en")).isEqualTo("Using AI tools");
    }

    @Test
    void a_gerund_the_rules_would_make_up_is_not_a_name_the_phrase_as_said_is() {
        // "began" is no form these rules know: its gerund would be "beganing", a word nobody wrote.
        assertThat(Wording.name(said("At this point, I began testing and comparing theoretical models with observations.", "began testing"), "en"))
                .isEqualTo("Began testing");
    }
}
