package dev.chassis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GuideCommandTest {

    private static final Path EXAMPLES = Path.of(System.getProperty("chassis.repo.dir", "..")).resolve("examples");

    @TempDir
    Path dir;

    @Test
    void guide_check_reads_the_example_guides_with_their_text_in_every_language() {
        CliRunner r = CliRunner.run("guide", "check", EXAMPLES.resolve("guides").toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("onboarding-2025").contains("languages en, de, es, fr, pt").contains("No warnings.");
    }

    @Test
    void guide_check_says_where_a_language_lacks_its_text_and_strict_fails_on_it() throws IOException {
        Path guide = dir.resolve("g.yaml");
        Files.writeString(guide, "study: s\ntitle: T\nlanguages: [en, fr]\nobjectives:\n  - id: a\n    title: A\n    questions: [\"Q?\"]\n");
        CliRunner r = CliRunner.run("guide", "check", guide.toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("languages en, fr (no text)")
                .contains("warning: g.yaml:3: languages[1]: 'fr' has no text in this guide").contains("1 warning(s).");
        assertThat(CliRunner.run("guide", "check", "--strict", guide.toString()).exitCode()).isEqualTo(1);
    }

    @Test
    void guide_check_says_per_language_what_its_text_lacks() throws IOException {
        Path guide = dir.resolve("three.yaml");
        Files.writeString(guide, """
                study: s
                title: T
                languages: [en, de, es, fr]
                consent: We keep a transcript.
                objectives:
                  - id: a
                    title: A
                    questions: ["How did you start?"]
                  - id: b
                    title: B
                    questions: ["What would you change?"]
                translations:
                  - language: de
                    consent: Wir speichern ein Protokoll.
                    objectives:
                      - {id: a, questions: ["Wie haben Sie angefangen?"]}
                      - {id: b, questions: ["Was würden Sie ändern?"]}
                  - language: es
                    objectives:
                      - {id: a, questions: ["¿Cómo empezó?"]}
                """);
        CliRunner r = CliRunner.run("guide", "check", guide.toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("  en: complete").contains("  de: complete")
                .contains("  es: lacks 2: translations[1].objectives, translations[1]")
                .contains("  fr: no text");
    }
}
