package dev.chassis.research.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chassis.research.fixture.Fixtures;
import dev.chassis.research.ops.pool.Participant;
import dev.chassis.research.ops.recruit.Screening;
import dev.chassis.research.ops.schedule.Schedule;
import dev.chassis.research.ops.schedule.Scheduler;
import dev.chassis.research.ops.recruit.Screener;
import dev.chassis.research.ops.study.Study;
import dev.chassis.research.ops.study.StudyPlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example study the demo runs: it must recruit and book five sessions. */
class ExampleStudyTest {

    @TempDir
    Path dir;

    private StudyPlan plan() throws IOException {
        Path examples = Fixtures.repo().resolve("examples");
        Path study = Files.createDirectories(dir.resolve("study-onboarding"));
        Files.copy(examples.resolve("study-onboarding/study.yaml"), study.resolve("study.yaml"));
        Files.copy(examples.resolve("study-onboarding/pool.csv"), study.resolve("pool.csv"));
        // The guide and personas are the interviewer's files; the checks here need only that they exist.
        Path guide = examples.resolve("guides/onboarding-en.yaml");
        Files.createDirectories(dir.resolve("guides"));
        if (Files.exists(guide)) {
            Files.copy(guide, dir.resolve("guides/onboarding-en.yaml"));
        } else {
            Files.writeString(dir.resolve("guides/onboarding-en.yaml"), "study: stand-in\n");
        }
        Files.createDirectories(dir.resolve("personas"));
        try (var personas = Files.list(examples.resolve("personas"))) {
            for (Path p : personas.toList()) {
                Files.copy(p, dir.resolve("personas").resolve(p.getFileName()));
            }
        }
        return StudyPlan.load(study.resolve("study.yaml"));
    }

    @Test
    void the_example_study_selects_and_books_five_sessions_within_everyones_hours() throws IOException {
        StudyPlan plan = plan();
        Study s = plan.study();

        Screening screening = new Screener(s.screener().require(), s.screener().exclude(), s.screener().quotas(), s.sessions()).screen(plan.pool());
        Schedule schedule = Scheduler.schedule(screening.selected(), s.schedule());

        assertThat(screening.selected()).hasSize(5);
        assertThat(screening.selected().stream().filter(p -> p.field("role").orElseThrow().equals("manager"))).isNotEmpty();
        assertThat(screening.count(Screening.Outcome.DUPLICATE)).isEqualTo(1);
        assertThat(schedule.unscheduled()).isEmpty();
        assertThat(schedule.sessions()).hasSize(5).allSatisfy(x -> {
            Participant p = x.participant();
            assertThat(p.availability()).anyMatch(w -> w.contains(x.localStart().getDayOfWeek(), x.localStart().toLocalTime(),
                    x.localStart().plus(x.duration()).toLocalTime()));
        });
    }
}
