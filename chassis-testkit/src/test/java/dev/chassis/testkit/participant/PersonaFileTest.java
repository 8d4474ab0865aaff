package dev.chassis.testkit.participant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chassis.testkit.participant.reading.Tone;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Every persona field is checked when read, and a problem names file, line and field. */
class PersonaFileTest {

    private static final String BASE = "name: X\ngeneral: [hi]\n";

    private static void fails(String yaml, String message) {
        assertThatThrownBy(() -> PersonaFile.parse(BASE + yaml, "p.yaml", "p")).hasMessage(message);
    }

    @Test
    void a_file_in_the_first_format_reads_as_before() {
        Persona p = PersonaFile.parse("name: X\nlowEffort: true\npaceSeconds: 2\ngeneral: [good]\nfillers: [ok]\n", "p.yaml", "p");
        assertThat(p.style()).isEqualTo(new Persona.Style(Duration.ofSeconds(2), 0, Persona.Effort.LOW));
        assertThat(p.reactions()).isEqualTo(Persona.Reactions.NONE);
        assertThat(p.drift()).isEmpty();
        assertThat(p.refusals()).isEmpty();
    }

    @Test
    void the_register_reaction_reads_in_both_forms_it_has_been_written_in() {
        Persona nested = PersonaFile.parse(BASE + "reactions:\n  register: {expects: formal, mismatch: -0.25}\n", "p.yaml", "p");
        Persona flat = PersonaFile.parse(BASE + "reactions:\n  register: formal\n  wrongRegister: -0.25\n", "p.yaml", "p");
        assertThat(nested.reactions()).isEqualTo(flat.reactions());
        assertThat(nested.reactions().register()).hasValue(new Persona.Register(Tone.Address.FORMAL, -0.25));
        fails("reactions:\n  register: {expects: formal, tone: 1}\n",
                "p.yaml:4: reactions.register: unknown field 'tone'; write the form of address they expect (formal or informal), and wrongRegister");
        fails("reactions:\n  register: {expects: polite}\n", "p.yaml:4: reactions.register: the form of address they expect: formal or informal, was 'polite'");
    }

    @Test
    void the_behaviour_fields_are_read() {
        Persona p = PersonaFile.parse(BASE + """
                answerWords: 12
                effort: fraudulent
                drift: {every: 4, say: [my dog]}
                codeSwitch: {to: es, phrases: [o sea]}
                emotional: {topic: [loss], say: [it was hard], drop: 0.3, answers: 2}
                refuses: [{topic: [money], say: no thanks}]
                reactions: {register: informal, empathy: 0.2, cold: -0.1, specific: 0.1, ownWords: -0.1, wrongLanguage: -0.2}
                """, "p.yaml", "p");
        assertThat(p.style().answerWords()).isEqualTo(12);
        assertThat(p.style().effort()).isEqualTo(Persona.Effort.FRAUDULENT);
        assertThat(p.drift()).hasValue(new Persona.Drift(4, java.util.List.of("my dog")));
        assertThat(p.codeSwitch().orElseThrow().every()).isEqualTo(2);
        assertThat(p.emotional().orElseThrow().answers()).isEqualTo(2);
        assertThat(p.refusals().getFirst().reasked()).isEqualTo(0.3);
        assertThat(p.reactions().register().orElseThrow()).isEqualTo(new Persona.Register(Tone.Address.INFORMAL, -0.15));
        assertThat(p.reactions().wrongLanguage()).isEqualTo(-0.2);
    }

    @Test
    void every_new_field_is_located_when_wrong() {
        fails("drift: {every: 0, say: [x]}\n", "p.yaml:3: drift.every: every how many answers: 1 or more, was 0");
        fails("drift: {every: 2}\n", "p.yaml:3: drift.say: lines about the pet topic");
        fails("answerWords: 900\n", "p.yaml:3: answerWords: must be between 0 (as written) and 400, was 900");
        fails("effort: lazy\n", "p.yaml:3: effort: 'lazy' is not an effort; use normal, low or fraudulent");
        fails("effort: low\nlowEffort: false\n", "p.yaml:4: lowEffort: says otherwise than effort: low; keep one of them");
        fails("codeSwitch:\n  to: spanish\n  phrases: [x]\n", "p.yaml:4: codeSwitch.to: a two-letter language code, e.g. es");
        fails("emotional:\n  topic: [x]\n  say: [y]\n  drop: 2\n", "p.yaml:6: emotional.drop: engagement it costs, between 0 and 1, was 2.0");
        fails("refuses:\n  - topic: [money]\n", "p.yaml:4: refuses[0].say: what they say to decline");
        fails("reactions:\n  register: polite\n", "p.yaml:4: reactions.register: the form of address they expect: formal or informal, was 'polite'");
        fails("reactions:\n  wrongRegister: -0.2\n", "p.yaml:4: reactions.wrongRegister: needs reactions.register: the form of address they expect");
        fails("reactions:\n  empathy: 3\n", "p.yaml:4: reactions.empathy: a change of engagement between -1 and 1, was 3.0");
        fails("language: English\n", "p.yaml:3: language: a two-letter language code, e.g. en, was 'English'");
        assertThatThrownBy(() -> PersonaFile.parse(BASE + "reactions:\n  warmth: 1\n", "p.yaml", "p"))
                .hasMessageStartingWith("p.yaml:4: reactions.warmth: unknown field 'warmth'");
    }

    @Test
    void a_switch_by_topic_keeps_its_facts_in_step_with_the_first_language() {
        String facts = "facts:\n  - topic: [a]\n    say: [one]\n  - topic: [b]\n    say: [two]\n";
        assertThatThrownBy(() -> PersonaFile.parse(BASE + facts + "switchLanguage:\n  to: es\n  facts:\n    - say: [uno]\n", "p.yaml", "p"))
                .hasMessage("p.yaml:10: switchLanguage.facts: one per hidden fact, in the same order: 2 expected, 1 given");
        assertThatThrownBy(() -> PersonaFile.parse(BASE + "switchLanguage:\n  to: es\n  answers:\n    - say: [hola]\n", "p.yaml", "p"))
                .hasMessage("p.yaml:6: switchLanguage.answers[0].topic: topic words are required: there is no entry 0 in the first "
                        + "language to take them from");
        Persona p = PersonaFile.parse(BASE + facts + "switchLanguage:\n  to: es\n  facts:\n    - say: [uno]\n    - topic: [be]\n      say: [dos]\n",
                "p.yaml", "p");
        Persona.Lines es = p.languageSwitch().orElseThrow().lines().orElseThrow();
        assertThat(es.facts()).extracting(Persona.Topic::keywords).containsExactly(java.util.List.of("a"), java.util.List.of("be", "b"));
    }
}
