package dev.chassis.research.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chassis.core.input.InvalidInputException;
import dev.chassis.research.fixture.Fixtures;
import dev.chassis.research.ops.study.StudyPlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudyPlanTest {

    @TempDir
    Path dir;

    @BeforeEach
    void files() throws IOException {
        Files.copy(Fixtures.repo().resolve("examples/study-onboarding/pool.csv"), dir.resolve("pool.csv"));
        Files.writeString(dir.resolve("guide.yaml"), "study: x\n");
        Files.writeString(dir.resolve("persona.yaml"), "name: x\n");
    }

    private Path study(String screener) throws IOException {
        return Files.writeString(dir.resolve("study.yaml"), """
                study: onboarding
                title: Onboarding
                guide: guide.yaml
                pool: pool.csv
                sessions: 4
                personas: [persona.yaml]
                screener:
                """ + screener + """
                schedule:
                  timezone: Europe/Berlin
                  start: 2025-03-03
                """);
    }

    @Test
    void a_valid_study_loads_with_its_pool_and_resolved_paths() throws IOException {
        StudyPlan plan = StudyPlan.load(study("  require: [{field: role, in: [designer]}]\n"));

        assertThat(plan.pool().people()).hasSize(20);
        assertThat(plan.guide()).isEqualTo(dir.resolve("guide.yaml").toAbsolutePath().normalize());
        assertThat(plan.study().schedule().perDay()).isEqualTo(4);
        assertThat(plan.study().themes()).isEqualTo(8);
    }

    @Test
    void a_persona_directory_stands_for_its_yaml_files_in_name_order() throws IOException {
        Files.createDirectories(dir.resolve("people"));
        Files.writeString(dir.resolve("people/b.yaml"), "name: b\n");
        Files.writeString(dir.resolve("people/a.yml"), "name: a\n");
        Files.writeString(dir.resolve("people/notes.txt"), "not a persona\n");
        Path file = Files.writeString(dir.resolve("study.yaml"), Files.readString(study("  require: []\n")).replace("[persona.yaml]", "[people]"));

        assertThat(StudyPlan.load(file).personas()).extracting(p -> p.getFileName().toString()).containsExactly("a.yml", "b.yaml");
    }

    @Test
    void a_screener_field_that_is_not_a_pool_column_names_the_study_line_and_field() throws IOException {
        Path file = study("  require:\n    - {field: role, in: [designer]}\n    - {field: rol, equals: x}\n");

        assertThatThrownBy(() -> StudyPlan.load(file)).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("study.yaml:10: screener.require[1].field: 'rol' is not a column of pool.csv; its columns are [id, name,");
    }

    @Test
    void a_missing_guide_and_a_rule_with_two_kinds_are_located() throws IOException {
        Files.delete(dir.resolve("guide.yaml"));
        assertThatThrownBy(() -> StudyPlan.load(study("  require: []\n")))
                .hasMessageStartingWith("study.yaml:3: guide: file not found: ");
        Files.writeString(dir.resolve("guide.yaml"), "x: 1\n");
        assertThatThrownBy(() -> StudyPlan.load(study("  require: [{field: role, equals: a, in: [b]}]\n")))
                .hasMessageStartingWith("study.yaml:8: screener.require[0]: rule on 'role' needs exactly one of equals, in, matches, or min/max; it has 2");
    }

    @Test
    void bad_values_in_the_schedule_are_located() throws IOException {
        Path file = Files.writeString(dir.resolve("study.yaml"), """
                study: onboarding
                title: Onboarding
                guide: guide.yaml
                pool: pool.csv
                sessions: 4
                schedule:
                  timezone: Europe/Berlin
                  start: 2025-03-03
                  hours: "09:00-25:00"
                """);

        assertThatThrownBy(() -> StudyPlan.load(file)).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("study.yaml:6: schedule: ").hasMessageContaining("'25:00' in 'Mon-Fri 09:00-25:00' is not a time of day");
    }
}
