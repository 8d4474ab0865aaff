package dev.chassis.research.guide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chassis.core.input.InvalidInputException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A guide's study id is an id: anything that could be a path is one located error. */
class GuideFileIdsTest {

    private static final String REST = "title: T\nobjectives:\n  - id: a\n    title: A\n    questions: [\"Q?\"]\n";

    @ParameterizedTest(name = "study: {0}")
    @ValueSource(strings = {"/etc/passwd", "../../..", "\"~\"", "a/b", "a\\\\b", "Onboarding", "a.b", "\"-a\"", "\"a b\"", "\"a\\0\""})
    void a_study_id_that_could_be_a_path_is_refused_naming_the_line_and_field(String id) {
        assertThatThrownBy(() -> GuideFile.parse("# a guide\nstudy: " + id + "\n" + REST, "g.yaml"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("g.yaml:2: study: must be an id of 1-100 lower-case letters, digits and '-'");
    }

    @ParameterizedTest(name = "study: {0}")
    @ValueSource(strings = {"s", "onboarding-2025", "0-a-b"})
    void an_id_is_accepted(String id) {
        assertThat(GuideFile.parse("study: " + id + "\n" + REST, "g.yaml").study()).isEqualTo(id);
    }

    @org.junit.jupiter.api.Test
    void an_id_over_100_characters_is_refused() {
        assertThatThrownBy(() -> GuideFile.parse("study: " + "a".repeat(101) + "\n" + REST, "g.yaml")).hasMessageContaining("g.yaml:1: study:");
        assertThat(GuideFile.parse("study: " + "a".repeat(100) + "\n" + REST, "g.yaml").study()).hasSize(100);
    }
}
