package dev.chassis.research.synthesis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chassis.research.synthesis.phrase.KeyPhrases;
import dev.chassis.research.synthesis.phrase.Phrase;
import dev.chassis.research.transcript.DialogueText;
import dev.chassis.research.transcript.Transcript;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What keeps unrelated statements out of one theme: support verbs, interviewer phrases, generic words, catch-alls. */
class ThemeQualityTest {

    @Test
    void a_support_verb_is_no_content_word_but_still_heads_its_phrase() {
        KeyPhrases en = KeyPhrases.forLanguage("en");

        KeyPhrases.Analysed a = en.analyse("I make money from commissions and I spend hours on each portrait.");

        assertThat(a.lemmas()).doesNotContain("make", "spend").contains("monei", "commiss", "portrait");
        assertThat(a.phrases()).extracting(Phrase::key).contains("make monei");
    }

    @Test
    void a_support_verb_listed_for_another_language_is_a_function_word_there() {
        KeyPhrases de = KeyPhrases.forLanguage("de");

        KeyPhrases.Analysed a = de.analyse("Ich nutze die Werkzeuge und mache Entwürfe für Kunden.");

        assertThat(a.words()).extracting(Phrase::surface).doesNotContain("nutze", "mache").contains("Werkzeuge", "Kunden");
    }

    @Test
    void a_phrase_the_interviewer_brought_up_leaves_every_later_answer_but_one_the_participant_said_first_stays() {
        Transcript t = Transcript.of("s-1", DialogueText.parse("""
                AI: How do you compare AI with your traditional approach?

                User: I mostly rely on field notebooks.

                AI: Tell me more about the notebooks.

                User: The traditional approach is slow, and my field notebooks get wet.

                AI: You mentioned field notebooks: when do they fail you?

                User: In the rain, and then the traditional approach fails too.

                AI: What else?

                User: Field notebooks are still my favourite tool.
                """));

        List<Statement> statements = Statements.of(List.of(t));

        assertThat(statements).allSatisfy(s -> assertThat(s.keys()).doesNotContain("tradit approach"));
        assertThat(statements.getLast().keys()).contains("field notebook");
    }

    @Test
    void a_word_whose_statements_share_nothing_else_weighs_less_than_one_whose_statements_do() {
        // Feature 0 ("time") joins statements with nothing else in common; feature 1 ("code") joins statements that also share 2 and 3.
        List<String> names = new ArrayList<>(List.of("w time", "w code", "w debug", "w python"));
        List<Map<Integer, Double>> vectors = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            names.add("w other" + i);
            vectors.add(new HashMap<>(Map.of(0, 1.0, 4 + i, 1.0)));
            vectors.add(new HashMap<>(Map.of(1, 1.0, 2, 1.0, 3, 1.0)));
        }
        for (int i = 0; i < 20; i++) {   // enough measured words for a typical coherence
            names.add("w pair" + i);
            int f = names.size() - 1;
            for (int k = 0; k < GenericWords.MIN_STATEMENTS; k++) {
                vectors.add(new HashMap<>(Map.of(f, 1.0, 2, 0.5)));
            }
        }

        GenericWords.reweigh(vectors, names);

        assertThat(vectors.get(0).get(0)).isLessThan(0.5);
        assertThat(vectors.get(1).get(1)).isEqualTo(1.0);
    }

    @Test
    void in_a_large_study_a_group_no_phrase_names_is_no_theme() {
        List<Transcript> sessions = new ArrayList<>();
        String[] unrelated = {"coffee", "bicycle", "garden", "violin", "harbour", "lantern", "meadow", "pottery", "quarry", "saddle",
            "tunnel", "walnut"};
        for (int i = 0; i < unrelated.length; i++) {
            sessions.add(Transcript.of("p-%02d".formatted(i), DialogueText.parse("""
                    AI: What happened last week?

                    User: The %s was somewhere near the station.

                    AI: And then?

                    User: Somewhere along the way the %s appeared again.
                    """.formatted(unrelated[i], unrelated[(i + 1) % unrelated.length]))));
        }

        Synthesis s = Synthesizer.builder().build().synthesize(sessions);

        assertThat(s.themes()).allSatisfy(theme -> assertThat(theme.name()).contains(" "));
    }
}
