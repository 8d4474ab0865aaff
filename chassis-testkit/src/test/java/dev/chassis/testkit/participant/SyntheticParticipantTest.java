package dev.chassis.testkit.participant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SyntheticParticipantTest {

    private static final Path EXAMPLES = Path.of(System.getProperty("chassis.repo.dir", "..")).resolve("examples/personas");

    private static Persona persona(String name) {
        return PersonaFile.load(EXAMPLES.resolve(name + ".yaml"));
    }

    @Test
    void every_example_persona_loads_and_there_are_at_least_eight() throws IOException {
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            List<Path> all = files.filter(p -> p.toString().endsWith(".yaml")).toList();
            assertThat(all).hasSizeGreaterThanOrEqualTo(8);
            all.forEach(PersonaFile::load);
        }
    }

    @Test
    void hidden_facts_come_only_when_asked_about_their_topic() {
        SyntheticParticipant p = new SyntheticParticipant(persona("careful-designer"), 1);
        assertThat(p.answer("How did you and your team first set up the app?").text()).doesNotContain("client almost left");
        assertThat(p.answer("How do your clients react to it?").text()).contains("client almost left");
    }

    @Test
    void the_planted_contradiction_is_said_early_and_reversed_later() {
        SyntheticParticipant p = new SyntheticParticipant(persona("careful-designer"), 1);
        List<String> answers = new ArrayList<>();
        for (String q : List.of("How did you set up the app?", "What did you try first?", "What got in your way?",
                "When did it feel useful?", "How often do you use it?", "What would you change?")) {
            answers.add(p.answer(q).text());
        }
        assertThat(String.join(" ", answers)).contains("I open it every day").contains("I rarely use it");
        assertThat(answers.indexOf(answers.stream().filter(a -> a.contains("rarely")).findFirst().orElseThrow()))
                .isGreaterThan(answers.indexOf(answers.stream().filter(a -> a.contains("every day")).findFirst().orElseThrow()));
        assertThat(p.contradictionStated()).isTrue();
    }

    @Test
    void engagement_drops_on_long_leading_double_barrelled_and_repeated_questions_and_recovers_on_short_warm_ones() {
        SyntheticParticipant p = new SyntheticParticipant(persona("disengaging-analyst"), 3);
        double start = p.answer("How was setup?").engagement();
        double afterLeading = p.answer("Don't you think the new board view is much better than the old spreadsheets?").engagement();
        double afterDouble = p.answer("How do you plan your week, and what do you do when it changes?").engagement();
        String filler = p.answer("How do you plan your week, and what do you do when it changes?").text();
        assertThat(afterLeading).isLessThan(start);
        assertThat(afterDouble).isLessThan(afterLeading);
        assertThat(List.of("I don't know.", "Whatever works.", "Not sure, honestly.", "Hm.")).contains(filler);
        double warm = p.answer("Thanks, that's helpful. What would you change?").engagement();
        double warmer = p.answer("I see. When did it help?").engagement();
        assertThat(warmer).isGreaterThan(warm).isGreaterThan(p.engagementHistory().get(3));
    }

    @Test
    void a_persona_switches_language_at_its_turn_and_the_same_seed_gives_the_same_conversation() {
        List<String> a = new ArrayList<>();
        List<String> b = new ArrayList<>();
        SyntheticParticipant x = new SyntheticParticipant(persona("language-switcher"), 9);
        SyntheticParticipant y = new SyntheticParticipant(persona("language-switcher"), 9);
        for (String q : List.of("How did you set it up?", "What did you try first?", "When was it useful?", "How often do you use it?")) {
            a.add(x.answer(q).text() + x.engagementHistory());
            b.add(y.answer(q).text() + y.engagementHistory());
        }
        assertThat(a).isEqualTo(b);
        assertThat(a.get(3)).startsWith("Perdón, prefiero seguir en español.");
        assertThat(a.get(2)).doesNotContain("español");
    }

    @Test
    void a_bad_persona_file_is_one_located_error() {
        assertThatThrownBy(() -> PersonaFile.parse("name: X\nanswers:\n  - topic: [a]\n    sey: [b]\n", "p.yaml", "p"))
                .hasMessageStartingWith("p.yaml:4: answers[0].sey: unknown field 'sey'");
        assertThatThrownBy(() -> PersonaFile.parse("name: X\ngeneral: [hi]\ncontradiction:\n  topic: [x]\n  early: a\n  late: b\n  from: 1\n",
                "p.yaml", "p")).hasMessage("p.yaml:7: contradiction.from: must be 2 or more, was 1");
    }

    @Test
    void an_answer_in_a_script_without_spaces_takes_as_long_to_type_as_one_of_as_many_words_with_spaces() {
        Persona ja = PersonaFile.load(EXAMPLES.resolve("../languages/personas/ja/izakaya-fukuoka.yaml"));
        SyntheticParticipant p = new SyntheticParticipant(ja, 1);
        SyntheticParticipant.Reply r = p.answer("食材の仕入れは、普段どのように決めていますか。");
        assertThat(r.text()).hasSizeGreaterThan(40);
        // About two characters a word, typed at 36 to 54 words a minute: well over ten seconds, not the one "word" between spaces.
        assertThat(r.composing()).isGreaterThan(java.time.Duration.ofSeconds(10));
    }
}
