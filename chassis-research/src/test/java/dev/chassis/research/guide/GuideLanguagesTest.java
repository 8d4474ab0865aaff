package dev.chassis.research.guide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chassis.research.interview.Interviewer;
import dev.chassis.talk.stage.Briefing;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GuideLanguagesTest {

    private static final Path EXAMPLES = Path.of(System.getProperty("chassis.repo.dir", "..")).resolve("examples/guides");

    private static final String GUIDE = """
            study: s
            title: T
            languages: [en, de, fr]
            consent: We record this.
            opening: Hello.
            objectives:
              - id: start
                title: Start
                questions: ["How did you start?", "What did you try first?"]
                probes: ["What did you expect?"]
              - id: use
                title: Use
                questions: ["How often do you use it?"]
            """;

    private static final String GERMAN = """
            translations:
              - language: de
                consent: Wir zeichnen das auf.
                opening: Hallo.
                objectives:
                  - id: start
                    title: Anfang
                    questions: ["Wie haben Sie angefangen?", "Was haben Sie zuerst versucht?"]
                    probes: ["Was hatten Sie erwartet?"]
                  - id: use
                    questions: ["Wie oft nutzen Sie es?"]
            """;

    @Test
    void a_guide_carries_its_questions_opening_and_consent_per_language() {
        Guide g = GuideFile.parse(GUIDE + GERMAN, "g.yaml");
        assertThat(g.hasText("de")).isTrue();
        Briefing de = g.briefing("de", Map.of());
        assertThat(de.objectives().getFirst().questions()).containsExactly("Wie haben Sie angefangen?", "Was haben Sie zuerst versucht?");
        assertThat(de.objectives().getFirst().title()).isEqualTo("Anfang");
        assertThat(de.objectives().get(1).title()).as("untranslated title kept").isEqualTo("Use");
        assertThat(de.opening()).isEqualTo("Wir zeichnen das auf. Hallo.");
        assertThat(g.briefing("en", Map.of()).objectives().getFirst().questions()).containsExactly("How did you start?", "What did you try first?");
    }

    @Test
    void a_listed_language_without_its_text_is_a_located_warning_and_the_guide_still_loads() {
        Guide g = GuideFile.parse(GUIDE + GERMAN, "g.yaml");
        assertThat(g.hasText("fr")).isFalse();
        assertThat(g.warnings()).hasSize(1);
        assertThat(g.warnings().getFirst().toString()).startsWith("g.yaml:3: languages[2]: 'fr' has no text in this guide (no translation for it)")
                .contains("told once, in French");
        Guide partial = GuideFile.parse(GUIDE + "translations:\n  - language: de\n    objectives:\n      - id: start\n"
                + "        questions: [\"A?\", \"B?\"]\n", "g.yaml");
        assertThat(partial.warnings()).extracting(GuideWarning::field)
                .contains("languages[2]", "translations[0].objectives", "translations[0].objectives[0]", "translations[0]");
        assertThat(partial.warnings().stream().filter(w -> w.field().equals("translations[0].objectives")).findFirst().orElseThrow().message())
                .isEqualTo("'use' has no German (Deutsch) text: its questions are asked in the guide's first language");
    }

    @Test
    void a_translation_that_does_not_match_the_guide_is_a_located_error() {
        assertThatThrownBy(() -> GuideFile.parse(GUIDE + "translations:\n  - language: es\n    opening: Hola.\n", "g.yaml"))
                .hasMessageStartingWith("g.yaml:15: translations[0].language: 'es' is not one of the guide's languages [en, de, fr]");
        assertThatThrownBy(() -> GuideFile.parse(GUIDE + "translations:\n  - language: de\n    objectives:\n      - id: start\n"
                + "        questions: [\"A?\"]\n", "g.yaml")).hasMessage("g.yaml:18: translations[0].objectives[0].questions: one translation "
                        + "per question, in the same order: 2 expected, 1 given");
        assertThatThrownBy(() -> GuideFile.parse(GUIDE + "translations:\n  - language: de\n    objectives:\n      - id: finish\n"
                + "        title: Ende\n", "g.yaml")).hasMessage("g.yaml:17: translations[0].objectives[0].id: the guide has no objective 'finish'");
        assertThatThrownBy(() -> GuideFile.parse(GUIDE.replace("[en, de, fr]", "[en, de, de]"), "g.yaml"))
                .hasMessage("g.yaml:3: languages[2]: 'de' is listed twice");
    }

    @Test
    void the_example_guides_have_their_text_in_every_language_they_list() {
        for (String name : new String[] {"onboarding-en", "onboarding-de", "work-and-ai-60"}) {
            Guide g = GuideFile.load(EXAMPLES.resolve(name + ".yaml"));
            assertThat(g.warnings()).as(name).isEmpty();
            g.languages().forEach(l -> assertThat(g.hasText(l)).as(name + " " + l).isTrue());
        }
        assertThat(GuideFile.load(EXAMPLES.resolve("onboarding-en.yaml")).languages()).hasSizeGreaterThanOrEqualTo(5);
    }

    @Test
    void a_participant_is_interviewed_in_their_language_where_the_guide_has_it_or_a_real_model_translates() {
        Guide g = GuideFile.parse(GUIDE + GERMAN, "g.yaml");
        Interviewer offline = new Interviewer(g, clock -> null);
        Interviewer real = new Interviewer(g, clock -> null, true);
        assertThat(offline.languageFor("de")).isEqualTo("de");
        assertThat(offline.languageFor("fr")).isEqualTo("en");
        assertThat(real.languageFor("fr")).isEqualTo("fr");
        assertThat(real.languageFor("ja")).isEqualTo("en");
    }
}
