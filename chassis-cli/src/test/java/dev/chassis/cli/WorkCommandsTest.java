package dev.chassis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chassis.testkit.jvm.ChildJvm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run} with a workflow file, {@code approve}, {@code reject}, {@code resume}, {@code runs} and {@code guard}. */
class WorkCommandsTest {

    private static final Path EXAMPLES = Path.of(System.getProperty("chassis.repo.dir", "..")).toAbsolutePath().normalize().resolve("examples");

    @TempDir
    Path dir;

    private Path workflow() throws IOException {
        return workflowCopy(dir);
    }

    /** A copy of the example recruit-brief workflow in {@code dir}, so runs write nothing into the examples. */
    static Path workflowCopy(Path dir) throws IOException {
        Path to = dir.resolve("wf");
        Path from = EXAMPLES.resolve("workflows/recruit-brief");
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
        return to.resolve("workflow.yaml");
    }

    private String onlyRun(Path runs) throws IOException {
        try (Stream<Path> s = Files.list(runs)) {
            return s.findFirst().orElseThrow().getFileName().toString();
        }
    }

    @Test
    void a_workflow_runs_to_its_approval_gate_and_finishes_when_a_person_approves() throws IOException {
        Path runs = dir.resolve("runs");
        CliRunner r = CliRunner.run("run", workflow().toString(), "--out", runs.toString());
        assertThat(r.exitCode()).as(r.err()).isEqualTo(StudyRunCommands.WAITING);
        assertThat(r.out()).contains("▸ rules", "gate read:recruiting/screening.md: pass", "✓ screen succeeded", "gate approval: pause",
                "Paused:   step invite waits for approval");
        String id = onlyRun(runs);
        assertThat(CliRunner.run("runs", "--out", runs.toString()).out()).contains(id).contains("waiting");

        CliRunner approved = CliRunner.run("approve", id, "--note", "reads well", "--by", "maria", "--out", runs.toString());
        assertThat(approved.exitCode()).as(approved.err()).isZero();
        assertThat(approved.out()).contains("Approving " + id + " as maria: reads well").contains("✓ invite succeeded").doesNotContain("▸ screen");
        assertThat(Files.readString(runs.resolve(id).resolve("outputs.json"))).contains("\"qualified\"").contains("Ana").contains("invite");
        assertThat(CliRunner.run("runs", "--out", runs.toString()).out()).contains("done");

        CliRunner again = CliRunner.run("approve", id, "--out", runs.toString());
        assertThat(again.exitCode()).isEqualTo(CliErrors.BAD_INPUT);
        assertThat(again.err()).contains("is done, not waiting for a decision");
    }

    @Test
    void a_rejected_step_fails_the_run_with_the_evidence_and_resume_keeps_finished_steps() throws IOException {
        Path runs = dir.resolve("runs");
        CliRunner.run("run", workflow().toString(), "--out", runs.toString());
        String id = onlyRun(runs);
        CliRunner resumed = CliRunner.run("resume", id, "--out", runs.toString());
        assertThat(resumed.out()).doesNotContain("▸ rules").doesNotContain("▸ screen").contains("Paused:   step invite");

        CliRunner rejected = CliRunner.run("reject", id, "--note", "too salesy", "--out", runs.toString());
        assertThat(rejected.exitCode()).isEqualTo(CliErrors.FAILED);
        assertThat(rejected.out()).contains("Failed:").contains("too salesy");
    }

    @Test
    void a_killed_workflow_run_continues_with_resume_without_redoing_finished_steps() throws Exception {
        Path runs = dir.resolve("runs");
        Path out = dir.resolve("child.out");
        java.util.List<String> cmd = ChildJvm.ofTestClassPath().command(java.util.List.of(), "dev.chassis.cli.Main", "run", workflow().toString(),
                "--out", runs.toString());
        Process child = ChildJvm.start(new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()));
        try {
            long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
            while (!Files.exists(out) || !Files.readString(out).contains("✓ rules succeeded")) {
                assertThat(System.nanoTime()).as("the child finishes its first step within a minute").isLessThan(deadline);
                assertThat(child.isAlive()).as("child still running; its output: %s", Files.exists(out) ? Files.readString(out) : "").isTrue();
                Thread.sleep(20);
            }
        } finally {
            child.destroyForcibly(); // SIGKILL: no shutdown hooks, the journal has only what was committed
            child.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
        }
        String id = onlyRun(runs);
        CliRunner resumed = CliRunner.run("resume", id, "--out", runs.toString());
        assertThat(resumed.out()).as(resumed.err()).doesNotContain("▸ rules").contains("Paused:   step invite");
        assertThat(CliRunner.run("approve", id, "--out", runs.toString()).exitCode()).isZero();
        assertThat(Files.readString(runs.resolve(id).resolve("outputs.json"))).contains("\"rules\"").contains("\"invite\"");
    }

    @Test
    void a_bad_workflow_file_is_one_located_error_and_no_run() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.yaml"), """
                name: broken
                steps:
                  - id: a
                    instruction: Do it.
                    tools: [send_rocket]
                """);
        CliRunner r = CliRunner.run("run", bad.toString(), "--out", dir.resolve("runs").toString());
        assertThat(r.exitCode()).isEqualTo(CliErrors.BAD_INPUT);
        assertThat(r.err()).startsWith("error: bad.yaml:5: steps[0].tools[0]: unknown tool 'send_rocket'").contains("send_rocket").doesNotContain("Exception");
        assertThat(Files.exists(dir.resolve("runs"))).isFalse();
        Path neither = Files.writeString(dir.resolve("neither.yaml"), "title: nothing here\n");
        assertThat(CliRunner.run("run", neither.toString()).err()).contains("is neither a study file").contains("nor a workflow file");
    }

    @Test
    void the_ledger_check_fails_until_a_fix_prevents_the_mistake() throws IOException {
        Path ledger = dir.resolve("ledger");
        CliRunner added = CliRunner.run("guard", "add", "--ledger", ledger.toString(), "--id", "promised-payment", "--harness", "work",
                "--title", "Promised a payment amount", "--where", "invite", "--output", "We will pay you $500 for your time!",
                "--mistake", "output-matches:\\$\\d+");
        assertThat(added.exitCode()).as(added.err()).isZero();
        assertThat(added.out()).contains("POSSIBLE   promised-payment");
        CliRunner failing = CliRunner.run("guard", "check", "--ledger", ledger.toString());
        assertThat(failing.exitCode()).isEqualTo(CliErrors.FAILED);
        assertThat(failing.out()).contains("0 of 1 incidents prevented: the ledger check fails");

        String yaml = Files.readString(ledger.resolve("promised-payment.yaml"));
        Files.writeString(ledger.resolve("promised-payment.yaml"), yaml.replace("fixes: []", "")
                + "fixes:\n- !<output-guard>\n  scope: invite\n  pattern: \\$\\d+\n  reason: never promise amounts\n");
        CliRunner passing = CliRunner.run("guard", "check", "--ledger", ledger.toString());
        assertThat(passing.exitCode()).as(passing.out()).isZero();
        assertThat(passing.out()).contains("PREVENTED  promised-payment").contains("1 of 1 incidents prevented");
        assertThat(CliRunner.run("guard", "list", "--ledger", ledger.toString()).out()).contains("block output invite ~ \\$\\d+");
    }

    @Test
    void the_example_ledger_holds_a_work_and_a_talk_mistake_both_prevented() {
        CliRunner r = CliRunner.run("guard", "check", "--ledger", EXAMPLES.resolve("ledger").toString());
        assertThat(r.exitCode()).as(r.out()).isZero();
        assertThat(r.out()).contains("PREVENTED  promised-payment").contains("PREVENTED  pressed-after-refusal").contains("2 of 2 incidents prevented");
    }

    @Test
    void a_bad_incident_is_named() {
        CliRunner r = CliRunner.run("guard", "add", "--ledger", dir.toString(), "--id", "x", "--harness", "robot", "--title", "t", "--mistake", "output-matches:x");
        assertThat(r.exitCode()).isEqualTo(CliErrors.BAD_INPUT);
        assertThat(r.err()).contains("--harness").contains("robot");
        CliRunner m = CliRunner.run("guard", "add", "--ledger", dir.toString(), "--id", "x", "--harness", "work", "--title", "t", "--mistake", "oops");
        assertThat(m.err()).contains("--mistake: write <kind>:<pattern>");
    }

    @Test
    void a_ledger_check_cannot_pass_by_accident() throws IOException {
        CliRunner missing = CliRunner.run("guard", "check", "--ledger", dir.resolve("nonexistent").toString());
        assertThat(missing.exitCode()).isEqualTo(CliErrors.BAD_INPUT);
        assertThat(missing.err()).contains("nonexistent").contains("--ledger").contains("no ledger folder");
        Path empty = Files.createDirectories(dir.resolve("empty-ledger"));
        CliRunner none = CliRunner.run("guard", "check", "--ledger", empty.toString());
        assertThat(none.exitCode()).isEqualTo(CliErrors.FAILED);
        assertThat(none.err()).contains("holds no incidents");
        assertThat(none.out()).doesNotContain("0 of 0");
    }

    @Test
    void an_incident_whose_evidence_does_not_make_the_mistake_is_not_added() {
        Path ledger = dir.resolve("ledger");
        // what bash leaves of "We will pay you $500!": $5 expanded to nothing
        CliRunner eaten = CliRunner.run("guard", "add", "--ledger", ledger.toString(), "--id", "promised-payment", "--harness", "work",
                "--title", "Promised a payment amount", "--where", "invite", "--output", "We will pay you 00!",
                "--mistake", "output-matches:\\$\\d+", "--block-output", "invite:\\$\\d+");
        assertThat(eaten.exitCode()).isEqualTo(CliErrors.BAD_INPUT);
        assertThat(eaten.err()).contains("Not added").contains("does not make the mistake").contains("single quotes");
        assertThat(eaten.out()).doesNotContain("PREVENTED");
        assertThat(Files.exists(ledger.resolve("promised-payment.yaml"))).isFalse();
    }

    @Test
    void every_guard_option_says_what_it_is_for() {
        picocli.CommandLine guard = ChassisCommand.commandLine().getSubcommands().get("guard");
        for (picocli.CommandLine sub : guard.getSubcommands().values()) {
            for (picocli.CommandLine.Model.OptionSpec option : sub.getCommandSpec().options()) {
                assertThat(String.join(" ", option.description())).as("guard %s %s", sub.getCommandName(), option.longestName()).isNotBlank();
            }
        }
        String help = CliRunner.run("guard", "--help").out();
        assertThat(help).doesNotContain("\"We will pay you $").contains("'We will pay you $500!'");
    }
}
