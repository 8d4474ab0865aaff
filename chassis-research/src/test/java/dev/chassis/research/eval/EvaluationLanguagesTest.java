package dev.chassis.research.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chassis.research.eval.score.SessionScore;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The evaluation in languages added in session 5 (issue 16): a persona written in the language, with a guide in it,
 * is read by the evaluation's own reading; the report has a row per language with turns in the language, the form
 * of address the culture expects and hard moments acknowledged (examples/languages).
 */
class EvaluationLanguagesTest {

    private static final Path LANGUAGES = Path.of(System.getProperty("chassis.repo.dir", "..")).resolve("examples/languages");

    @Test
    void each_language_is_scored_on_its_own_row_and_the_interviewer_keeps_its_language_and_form_of_address() {
        Map<Path, List<Path>> paired = Map.of(
                LANGUAGES.resolve("guides/nb.yaml"), List.of(LANGUAGES.resolve("personas/nb/sykepleier-bodo.yaml")),
                LANGUAGES.resolve("guides/uk.yaml"), List.of(LANGUAGES.resolve("personas/uk/farmatsevtka-vinnytsia.yaml")),
                LANGUAGES.resolve("guides/ko.yaml"), List.of(LANGUAGES.resolve("personas/ko/banchan-daegu.yaml")));
        EvaluationReport report = Evaluation.builder().paired(paired).seeds(List.of(1L)).latency(LatencyProfile.NONE).build().run(s -> { });
        String table = report.table();
        System.out.print(table);
        assertThat(table).contains("per language (full):").containsPattern("(?m)^nb ").containsPattern("(?m)^uk ").containsPattern("(?m)^ko ");
        for (SessionScore s : report.sessions("full")) {
            assertThat(s.language().judged()).as(s.persona()).isGreaterThan(3);
            assertThat(s.language().inLanguage()).as(s.persona()).isEqualTo(s.language().judged());
            assertThat(s.address().addressed()).as(s.persona()).isPositive();
            assertThat(s.address().share()).as(s.persona()).hasValue(1.0);
            assertThat(s.conversation().disclosures()).as(s.persona()).isEqualTo(1);
        }
    }
}
