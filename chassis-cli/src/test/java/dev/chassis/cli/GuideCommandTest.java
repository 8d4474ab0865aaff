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
}
