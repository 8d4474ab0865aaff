package dev.chassis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chassis.testkit.jvm.ChildJvm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run resumes from anything: a chain of child JVMs, each killed (halted, as kill -9 does) at the next
 * point of the run (step boundaries, and inside tools before and after their side effect), each resuming
 * where the last one died; at the end every side effect happened exactly once, and resuming the finished
 * run does nothing. Each child costs seconds, so a build kills at a seeded draw of the points, at least one
 * of each kind ({@link KillPoints}); the seed is printed, and {@code -Dchassis.kill.points=all} kills at every one.
 */
class KillEverywhereTest {

    private static final List<String[]> STUDY_STEPS = List.of(new String[] {"recruit", "recruit"}, new String[] {"schedule", "schedule"},
            new String[] {"invite", "send_invites"}, new String[] {"conduct", "conduct_sessions"}, new String[] {"synthesise", "synthesise"},
            new String[] {"quality", "check_quality"}, new String[] {"report", "write_report"});

    @TempDir
    Path dir;

    private static Path repo() {
        return Path.of(System.getProperty("chassis.repo.dir", "..")).toAbsolutePath().normalize();
    }

    @Test
    void a_study_run_killed_at_step_boundaries_and_inside_tools_sends_each_invite_once() throws Exception {
        Path runs = dir.resolve("runs");
        Path log = dir.resolve("conducted.log");
        List<String> every = new ArrayList<>();
        for (String[] step : STUDY_STEPS) {
            every.add("tool-started:" + step[0] + ":" + step[1]);
            every.add("tool-called:" + step[0] + ":" + step[1]);
            every.add("step-ended:" + step[0]);
        }
        List<String> points = KillPoints.drawn("study run", every, 7);

        killed(points.getFirst(), log, "run", repo().resolve("examples/study-onboarding/study.yaml").toString(), "--out", runs.toString());
        String id = onlyRun(runs);
        for (String point : points.subList(1, points.size())) {
            killed(point, log, "resume", id, "--out", runs.toString());
        }
        System.setProperty("chassis.test.conductLog", log.toString());
        CliRunner last;
        try {
            last = CliRunner.run("resume", id, "--out", runs.toString());
        } finally {
            System.clearProperty("chassis.test.conductLog");
        }

        assertThat(last.exitCode()).as(last.out() + last.err()).isZero();
        assertThat(runs.resolve(id).resolve("report/report.html")).exists();
        List<String> sent = Files.readAllLines(runs.resolve(id).resolve("invites/sent.log"));
        assertThat(sent).as("each invite sent once").hasSize(5).doesNotHaveDuplicates();
        assertThat(Files.readAllLines(log)).as("each session conducted once").hasSize(5).doesNotHaveDuplicates();

        CliRunner again = CliRunner.run("resume", id, "--out", runs.toString());
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("Run " + id + " is done: ").contains("It is finished; nothing was done again.");
        assertThat(Files.readAllLines(runs.resolve(id).resolve("invites/sent.log"))).isEqualTo(sent);
        assertThat(Files.readAllLines(log)).hasSize(5);
    }

    @Test
    void a_workflow_run_killed_around_each_file_it_writes_writes_each_once() throws Exception {
        Path runs = dir.resolve("runs");
        Path workflow = Files.writeString(dir.resolve("notes.yaml"), """
                name: notes
                steps:
                  - id: plan
                    instruction: Plan the two notes.
                    offline: {output: '{"notes": 2}'}
                  - id: first
                    needs: [plan]
                    instruction: Write the first note.
                    tools: [write_file]
                    offline:
                      calls: [{tool: write_file, arguments: {path: notes/first.md, text: "first"}}]
                  - id: second
                    needs: [first]
                    instruction: Write the second note.
                    tools: [write_file]
                    offline:
                      calls: [{tool: write_file, arguments: {path: notes/second.md, text: "second"}}]
                """);
        List<String> points = KillPoints.drawn("workflow run", List.of("step-ended:plan", "tool-started:first:write_file",
                "tool-called:first:write_file", "step-ended:first", "tool-started:second:write_file", "tool-called:second:write_file",
                "step-ended:second"), 4);

        killed(points.getFirst(), null, "run", workflow.toString(), "--out", runs.toString());
        String id = onlyRun(runs);
        for (String point : points.subList(1, points.size())) {
            killed(point, null, "resume", id, "--out", runs.toString());
        }
        CliRunner last = CliRunner.run("resume", id, "--out", runs.toString());

        assertThat(last.exitCode()).as(last.out() + last.err()).isZero();
        Path files = runs.resolve(id).resolve("files");
        assertThat(Files.readString(files.resolve("notes/first.md"))).isEqualTo("first");
        assertThat(Files.readString(files.resolve("notes/second.md"))).isEqualTo("second");
        assertThat(Files.readAllLines(files.resolve(".writes.log"))).as("each write done once, under its key").hasSize(2);
        assertThat(CliRunner.run("resume", id, "--out", runs.toString()).out()).contains("is done").contains("nothing was done again");
    }

    @Test
    void a_run_killed_before_its_first_journal_entry_says_so_and_starts_again_cleanly() throws IOException {
        Path runs = dir.resolve("runs");
        Files.createDirectories(runs.resolve("onboarding-20250101-000000/journal"));
        Files.createFile(runs.resolve("onboarding-20250101-000000/journal/ops-1.jsonl"));

        CliRunner r = CliRunner.run("resume", "onboarding-20250101-000000", "--out", runs.toString());

        assertThat(r.exitCode()).isNotZero();
        assertThat(r.err()).contains("run 'onboarding-20250101-000000' was stopped before it started").doesNotContain("Exception");
        assertThat(CliRunner.run("runs", "--out", runs.toString()).out()).startsWith("No runs in ");
    }

    /** Runs the CLI in a child JVM that halts at {@code point}, and checks that it did. */
    private void killed(String point, Path conductLog, String... args) throws Exception {
        List<String> options = new ArrayList<>(List.of("-Dchassis.repo.dir=" + repo(), "-Dchassis.test.haltAt=" + point));
        if (conductLog != null) {
            options.add("-Dchassis.test.conductLog=" + conductLog);
        }
        List<String> cmd = ChildJvm.ofTestClassPath().command(options, "dev.chassis.cli.Main", args);
        Path out = dir.resolve("child-" + point.replace(':', '-') + ".out");
        Process child = ChildJvm.start(new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()));
        assertThat(child.waitFor(120, TimeUnit.SECONDS)).as("child finished").isTrue();
        assertThat(child.exitValue()).as("halted at %s; its output: %s", point, Files.readString(out)).isEqualTo(137);
    }

    private static String onlyRun(Path runs) throws IOException {
        try (Stream<Path> s = Files.list(runs)) {
            return s.findFirst().orElseThrow().getFileName().toString();
        }
    }
}
