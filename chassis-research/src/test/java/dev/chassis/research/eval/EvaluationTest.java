package dev.chassis.research.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chassis.core.input.InvalidInputException;
import dev.chassis.talk.Feature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluationTest {

    private static final Path EXAMPLES = Path.of(System.getProperty("chassis.repo.dir", "..")).resolve("examples");

    static List<Path> personas() throws IOException {
        try (Stream<Path> files = Files.list(EXAMPLES.resolve("personas"))) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    @Test
    void the_full_harness_beats_every_ablation_on_the_example_personas(@TempDir Path dir) throws IOException {
        EvaluationReport report = Evaluation.builder().guides(List.of(EXAMPLES.resolve("guides/onboarding-en.yaml")))
                .personas(personas()).ablate(EnumSet.allOf(Feature.class)).build().run(s -> { });
        System.out.print(report.table());
        System.out.print(report.sessionTable());

        EvaluationReport.Total full = report.total("full");
        assertThat(full.sessions()).isEqualTo(personas().size());
        for (Feature f : Feature.values()) {
            EvaluationReport.Total ablated = report.total(Evaluation.configurationName(f));
            assertThat(full.composite()).as("full vs without %s", f).isGreaterThan(ablated.composite());
        }
        assertThat(full.followUpRate()).hasValueSatisfying(r -> assertThat(r).isEqualTo(1.0));
        assertThat(report.total("no-monitors").followUpRate()).hasValueSatisfying(r -> assertThat(r).isZero());
        // With the deadline, a late model is bridged; only a starved CPU could still make someone wait.
        assertThat(full.bridged()).isPositive();
        assertThat(full.late()).as("late turns with the deadline").isLessThanOrEqualTo(full.turns() / 50);
        assertThat(report.total("no-deadline").late()).as("late turns without it").isGreaterThanOrEqualTo(report.total("no-deadline").turns() / 10);

        Path json = dir.resolve("out/eval.json");
        report.writeJson(json);
        assertThat(Files.readString(json)).contains("\"configuration\" : \"no-steering\"", "\"timeToFirstWordsP99Ms\"", "\"persona\" : \"contradicting-founder\"");
    }

    @Test
    void the_question_asked_is_found_after_acknowledgements_and_bridges() {
        assertThat(dev.chassis.talk.steer.QuestionCheck.lastQuestion("Thanks, that helps. Let me think. What did you try first?")).hasValue("What did you try first?");
        assertThat(dev.chassis.talk.steer.QuestionCheck.lastQuestion("Thanks. That is all.")).isEmpty();
        assertThat(dev.chassis.talk.steer.QuestionCheck.lastQuestion("ありがとうございます。最初に何をしましたか？")).hasValue("最初に何をしましたか？");
        assertThat(dev.chassis.talk.steer.QuestionCheck.lastQuestion("I see. What did you try? And did it work?")).hasValue("What did you try? And did it work?");
    }

    @Test
    void latency_profiles_parse_or_say_what_to_write() {
        assertThat(LatencyProfile.parse("20%:3s")).isEqualTo(new LatencyProfile(0.2, Duration.ofSeconds(3)));
        assertThat(LatencyProfile.parse("5%:800ms")).isEqualTo(new LatencyProfile(0.05, Duration.ofMillis(800)));
        assertThat(LatencyProfile.parse("none")).isEqualTo(LatencyProfile.NONE);
        assertThatThrownBy(() -> LatencyProfile.parse("often")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("--late").hasMessageContaining("20%:3s");
    }
}
