package dev.chassis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chassis.research.ops.workflow.RunInfo;
import dev.chassis.research.ops.workflow.RunStore;
import dev.chassis.research.transcript.TranscriptFiles;
import dev.chassis.testkit.jvm.ChildJvm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudyRunCommandsTest {

    @TempDir
    Path dir;
    Path study;
    Path runs;

    private static Path repo() {
        return Path.of(System.getProperty("chassis.repo.dir", "..")).toAbsolutePath().normalize();
    }

    @BeforeEach
    void files() throws IOException {
        Files.copy(repo().resolve("examples/study-onboarding/pool.csv"), dir.resolve("pool.csv"));
        Files.copy(repo().resolve("examples/guides/onboarding-en.yaml"), dir.resolve("guide.yaml"));
        Files.writeString(dir.resolve("persona.yaml"), "name: x\n");
        study = Files.writeString(dir.resolve("study.yaml"), """
                study: onboarding
                title: Onboarding research
                guide: guide.yaml
                pool: pool.csv
                sessions: 5
                personas: [persona.yaml]
                screener:
                  require: [{field: uses_product, equals: "yes"}]
                schedule: {timezone: Europe/Berlin, start: 2025-03-03, days: 5, hours: "08:00-20:00"}
                """);
        runs = dir.resolve("runs");
    }

    private String onlyRun() throws IOException {
        try (Stream<Path> s = Files.list(runs)) {
            return s.findFirst().orElseThrow().getFileName().toString();
        }
    }

    @Test
    void a_study_run_prints_each_step_streams_the_live_session_and_writes_the_report() throws IOException {
        CliRunner r = CliRunner.run("run", study.toString(), "--out", runs.toString(), "--live", "s-01");

        assertThat(r.err()).isEmpty();
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("[1/7] recruit and screen   ✓ 5 selected of 20").contains("[3/7] calendar invites     ✓ 5 calendar invites").contains("not emailed: no mail server is set")
                .contains("AI › Thanks for joining.").contains("· engagement").contains("sessions [████████████████████] 5/5")
                .contains("[7/7] write report         ✓").contains("Report:  ");
        String id = onlyRun();
        String html = Files.readString(runs.resolve(id).resolve("report/report.html"));
        assertThat(ReportQuotes.assertAllVerbatim(html, TranscriptFiles.load(runs.resolve(id).resolve("transcripts")))).isPositive();
        CliRunner list = CliRunner.run("runs", "--out", runs.toString());
        assertThat(list.out()).contains(id).contains("done");
    }

    @Test
    void a_killed_run_continues_with_resume_and_no_session_runs_twice() throws Exception {
        Path log = dir.resolve("conducted.log");
        List<String> cmd = ChildJvm.ofTestClassPath().command(List.of("-Dchassis.repo.dir=" + repo(), "-Dchassis.test.sessionDelayMs=1500",
                "-Dchassis.test.conductLog=" + log), "dev.chassis.cli.Main", "run", study.toString(), "--out", runs.toString());
        Process child = ChildJvm.start(new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("child.out").toFile()));
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!Files.exists(dir.resolve("runs")) || runsWith("transcripts/s-02.json") == null) {
                assertThat(System.nanoTime()).as("the child run saves two sessions within a minute").isLessThan(deadline);
                assertThat(child.isAlive()).as("child still running; its output: %s", read(dir.resolve("child.out"))).isTrue();
                Thread.sleep(50);
            }
        } finally {
            child.destroyForcibly();
            child.waitFor(10, TimeUnit.SECONDS);
        }
        String id = onlyRun();
        assertThat(Files.readAllLines(log)).containsExactly("s-01", "s-02");
        assertThat(new RunStore(runs).find(id).status()).isEqualTo(RunInfo.Status.RUNNING);

        System.setProperty("chassis.test.conductLog", log.toString());
        CliRunner r;
        try {
            r = CliRunner.run("resume", id, "--out", runs.toString());
        } finally {
            System.clearProperty("chassis.test.conductLog");
        }

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("s-01 (saved before, not run again)").contains("s-02 (saved before, not run again)");
        assertThat(Files.readAllLines(log)).containsExactlyInAnyOrder("s-01", "s-02", "s-03", "s-04", "s-05");
        assertThat(runs.resolve(id).resolve("report/report.html")).exists();
        assertThat(new RunStore(runs).find(id).status()).isEqualTo(RunInfo.Status.DONE);
        assertThat(runs.resolve(id).resolve("run.json")).as("a run's state is in its journal alone").doesNotExist();
    }

    @Test
    void a_live_study_waits_for_its_sessions_and_resume_finishes_it_once_transcripts_arrive() throws IOException {
        Files.writeString(study, Files.readString(study).replace("hours: \"08:00-20:00\"}", "hours: \"08:00-20:00\", link: \"https://x.example/{session}\"}")
                + "conduct: live\n");

        CliRunner first = CliRunner.run("run", study.toString(), "--out", runs.toString());

        assertThat(first.exitCode()).as(first.err()).isEqualTo(3);
        assertThat(first.out()).contains("Paused, waiting for 5 of 5 sessions to take place:").contains("https://x.example/s-01")
                .contains("When they are done: chassis resume ");
        String id = onlyRun();
        assertThat(new RunStore(runs).find(id).status()).isEqualTo(RunInfo.Status.WAITING);
        Path inbox = Files.createDirectories(runs.resolve(id).resolve("inbox"));
        List<Path> recorded;
        try (Stream<Path> s = Files.list(repo().resolve("examples/transcripts"))) {
            recorded = s.sorted().toList();
        }
        for (int i = 0; i < 5; i++) {
            Path src = recorded.get(i % recorded.size());
            var t = TranscriptFiles.load(src).getFirst();
            Files.writeString(inbox.resolve("s-0" + (i + 1) + ".json"), TranscriptFiles.toJson(
                    new dev.chassis.research.transcript.Transcript("s-0" + (i + 1), t.participant(), t.language(), t.turns(), t.marks())));
        }

        CliRunner resumed = CliRunner.run("resume", id, "--out", runs.toString());

        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(runs.resolve(id).resolve("report/report.html")).exists();
    }

    @Test
    void a_file_that_is_not_a_study_and_a_broken_study_are_located_errors() throws IOException {
        Path other = Files.writeString(dir.resolve("other.yaml"), "name: build\ntitle: Build it\n");
        CliRunner r = CliRunner.run("run", other.toString(), "--out", runs.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("error: " + other + ":1: is neither a study file (no 'study:' key) nor a workflow file (no 'steps:' key); "
                + "see examples/study-onboarding/study.yaml and examples/workflows/recruit-brief/workflow.yaml" + System.lineSeparator());
        Path empty = Files.writeString(dir.resolve("empty.yaml"), "name: build\nsteps: []\n");
        CliRunner none = CliRunner.run("run", empty.toString(), "--out", runs.toString());
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).startsWith("error: empty.yaml:2: steps").doesNotContain("Exception");

        Files.writeString(study, Files.readString(study).replace("sessions: 5", "sessions: five"));
        CliRunner bad = CliRunner.run("run", study.toString(), "--out", runs.toString());
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).startsWith("error: study.yaml:5: sessions: ");
    }

    @Test
    void resuming_an_unknown_run_names_the_known_ones_way_to_list() {
        CliRunner r = CliRunner.run("resume", "nope", "--out", runs.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("error: run id: no run 'nope' in " + runs + "; 'chassis runs' lists them" + System.lineSeparator());
    }

    @Test
    void a_bad_pool_row_stops_the_run_with_file_line_and_field() throws IOException {
        Files.writeString(dir.resolve("pool.csv"), Files.readString(dir.resolve("pool.csv")).replace("Europe/Prague", "Europe/Prag"));

        CliRunner r = CliRunner.run("run", study.toString(), "--out", runs.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("error: " + dir.resolve("pool.csv") + ":6: timezone: 'Europe/Prag' is not a time zone; "
                + "use a region id such as Europe/Berlin or America/New_York" + System.lineSeparator());
    }

    private Path runsWith(String file) throws IOException {
        try (Stream<Path> s = Files.list(runs)) {
            return s.filter(d -> Files.exists(d.resolve(file))).findFirst().orElse(null);
        }
    }

    private static String read(Path p) {
        try {
            return Files.exists(p) ? Files.readString(p) : "";
        } catch (IOException e) {
            return e.toString();
        }
    }

}
