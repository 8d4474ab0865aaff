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
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluationTest {

    private static final Path EXAMPLES = Path.of(System.getProperty("chassis.repo.dir", "..")).resolve("examples");

    @Test
    void every_configuration_is_scored_at_every_seed_from_outside_with_means_and_spread(@TempDir Path dir) throws IOException {
        AtomicInteger done = new AtomicInteger();
        Evaluation evaluation = Evaluation.builder().guides(List.of(EXAMPLES.resolve("guides/onboarding-en.yaml")))
                .personas(List.of(EXAMPLES.resolve("personas/contradicting-founder.yaml"), EXAMPLES.resolve("personas/busy-manager.yaml")))
                .ablate(EnumSet.of(Feature.MONITORS)).seeds(List.of(1L, 2L)).latency(LatencyProfile.NONE).transcripts(dir.resolve("t")).build();
        assertThat(evaluation.sessions()).isEqualTo(8);
        EvaluationReport report = evaluation.run(s -> done.incrementAndGet());
        System.out.print(report.table());
        assertThat(done).hasValue(8);
        EvaluationReport.Total full = report.total("full");
        assertThat(full.sessions()).isEqualTo(4);
        assertThat(full.composite().bySeed()).hasSize(2);
        // Judged from the interviewer's words, not from the directive it was given: with monitors the founder's two team
        // sizes are put back to him whenever the contradiction monitor had its time (on a machine loaded many times over it
        // can run out of its 2 s budget, which the trace tells apart), without them never.
        Map<ContradictionTrace.Loss, Integer> lost = report.contradictionLosses("full");
        assertThat(lost.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(2);
        assertThat(lost.get(ContradictionTrace.Loss.PUT_BACK)).isPositive().isEqualTo(2 - lost.get(ContradictionTrace.Loss.MONITOR_FAILED))
                .isEqualTo((int) Math.round(2 * full.putBack().orElseThrow()));
        assertThat(report.total("no-monitors").putBack()).hasValue(0.0);
        // Where it was lost, from the harness's own record: without monitors nothing raised it; the busy manager plants none.
        assertThat(report.contradictionLosses("no-monitors")).containsEntry(ContradictionTrace.Loss.NOT_DETECTED, 2)
                .containsEntry(ContradictionTrace.Loss.PUT_BACK, 0);
        assertThat(report.table()).contains("not-detected");
        assertThat(report.parts("full")).containsKeys("language", "questions", "depth", "time", "onTime");
        assertThat(report.table()).contains("composite ±sd").contains("question checker on its held-out examples");

        Path json = dir.resolve("out/eval.json");
        report.writeJson(json);
        assertThat(Files.readString(json)).contains("\"configuration\" : \"no-monitors\"",
                // 1.0 unless the monitor ran out of its time on a loaded machine (the trace above tells): the total as computed
                "\"contradictionsPutBack\" : " + full.putBack().orElseThrow(),
                "\"bySeed\"", "\"persona\" : \"contradicting-founder\"", "\"questionChecker\"",
                "\"contradictionLoss\" : \"not-detected\"", "\"contradictionShape\" : \"both-digits\"", "\"contradictionLossesByShape\"");
        assertThat(Files.readString(dir.resolve("t/index.txt"))).contains("session-0001.txt").contains("contradicting-founder");
        assertThat(Files.readString(dir.resolve("t/session-0001.txt"))).contains("[0] AI").contains("P [en");
    }

    @Test
    void where_a_hard_moment_was_lost_is_told_from_the_harness_s_own_record(@TempDir Path dir) throws IOException {
        Evaluation evaluation = Evaluation.builder().guides(List.of(EXAMPLES.resolve("guides/onboarding-en.yaml")))
                .personas(List.of(EXAMPLES.resolve("personas/grieving-teacher.yaml"))).ablate(EnumSet.of(Feature.MONITORS))
                .seeds(List.of(1L)).latency(LatencyProfile.NONE).build();
        EvaluationReport report = evaluation.run(s -> { });
        // One trace entry per disclosure the score counted, and "acknowledged" exactly where the score's own reading says so.
        for (String c : List.of("full", "no-monitors")) {
            Map<EmotionTrace.Loss, Integer> moments = report.emotionLosses(c);
            EvaluationReport.Total t = report.total(c);
            int disclosed = report.sessions().stream().filter(s -> s.configuration().equals(c)).mapToInt(s -> s.conversation().disclosures()).sum();
            assertThat(disclosed).as(c).isPositive();
            assertThat(moments.values().stream().mapToInt(Integer::intValue).sum()).as(c).isEqualTo(disclosed);
            assertThat(moments.get(EmotionTrace.Loss.ACKNOWLEDGED)).as(c).isEqualTo((int) Math.round(disclosed * t.emotionAcknowledged().orElseThrow()));
        }
        assertThat(report.emotionLosses("full").get(EmotionTrace.Loss.ACKNOWLEDGED)).isPositive();
        // Without monitors no moment is read: every one that was not acknowledged by chance is lost there.
        Map<EmotionTrace.Loss, Integer> off = report.emotionLosses("no-monitors");
        assertThat(off.get(EmotionTrace.Loss.NOT_STEERED) + off.get(EmotionTrace.Loss.READ_MILD) + off.get(EmotionTrace.Loss.NOT_WORDED)).isZero();
        assertThat(off.get(EmotionTrace.Loss.NOT_DETECTED)).isPositive();
        assertThat(report.table()).contains("hard moments disclosed").contains("read-mild").contains("never-touched");
        // Every hidden fact has one place in the facts trace, and "revealed" is exactly the score's count.
        for (String c : List.of("full", "no-monitors")) {
            int hidden = report.sessions().stream().filter(s -> s.configuration().equals(c)).mapToInt(s -> s.conversation().factsHidden()).sum();
            int revealed = report.sessions().stream().filter(s -> s.configuration().equals(c)).mapToInt(s -> s.conversation().facts()).sum();
            Map<FactTrace.Loss, Integer> facts = report.factLosses(c);
            assertThat(hidden).as(c).isPositive();
            assertThat(facts.values().stream().mapToInt(Integer::intValue).sum()).as(c).isEqualTo(hidden);
            assertThat(facts.get(FactTrace.Loss.REVEALED)).as(c).isEqualTo(revealed);
        }
        Path json = dir.resolve("eval.json");
        report.writeJson(json);
        assertThat(Files.readString(json)).contains("\"emotionLosses\"", "\"not-detected\"", "\"acknowledged\"", "\"factLosses\"");
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
