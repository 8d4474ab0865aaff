package dev.chassis.cli;

import dev.chassis.core.input.Ids;
import dev.chassis.core.input.InvalidInputException;
import dev.chassis.research.ops.workflow.FlowRuns;
import dev.chassis.work.RunDiff;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code chassis fork} and {@code chassis diff} over workflow runs. A fork is a run of its own, in its own
 * folder ({@code <run>-fork-<n>}): the original's journal (and earlier forks') is copied there, read-only,
 * and the work harness re-runs from the step with the changes, reusing every step before it.
 */
final class ForkCommands {

    private ForkCommands() {
    }

    @Command(name = "fork", mixinStandardHelpOptions = true,
            description = {"Re-run a workflow run from one of its steps with a change, as a new run beside it.", "",
                    "The steps before --from are reused as they were (no model call, no tool call); from --from on the run goes again "
                    + "with another model, another instruction for that step, or the fixes of a ledger. 'chassis diff' compares the two."},
            footer = {"", "Examples:", "  chassis fork recruit-brief-20261201-101500 --from draft --model openai:gpt-4.1-mini",
                    "  chassis fork recruit-brief-20261201-101500 --from draft --instructions better-draft.md",
                    "  chassis fork recruit-brief-20261201-101500 --from draft --ledger ledger",
                    "  chassis diff recruit-brief-20261201-101500 recruit-brief-20261201-101500-fork-1"})
    static final class ForkCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "<run>", description = "The workflow run to fork ('chassis runs' lists them).")
        String run;

        @Option(names = "--from", required = true, paramLabel = "<step>", description = "The step to re-run from; the steps before it are reused.")
        String from;

        @Option(names = "--model", paramLabel = "<model>", description = "Another engine for the re-run steps (default: the run's).")
        String model;

        @Option(names = "--instructions", paramLabel = "<file>", description = "A text file: the new instruction of the --from step.")
        Path instructions;

        @Option(names = "--ledger", paramLabel = "<dir>", description = "A ledger folder whose work fixes (tool guards, output guards, notes) the fork adds.")
        Path ledger;

        @Mixin
        RunsFolderOption out = new RunsFolderOption();

        @Override
        public Integer call() {
            PrintWriter o = spec.commandLine().getOut();
            Ids.check("run id", run);
            FlowRuns runs = WorkflowRuns.runs(out.folder);
            FlowRuns.ForkRequest change = new FlowRuns.ForkRequest(from, Optional.ofNullable(model),
                    Optional.ofNullable(instructions).map(ForkCommand::read), Optional.ofNullable(ledger));
            int fixes = FlowRuns.fixes(change.ledger()).size();   // a wrong folder fails before the fork exists
            change.model().ifPresent(StudyRunCommands::model);
            String id = runs.prepareFork(run, from);
            o.println("Fork:     " + id + " of " + run + " from step " + from + (model == null ? "" : ", model " + model)
                    + (instructions == null ? "" : ", instructions " + instructions) + (ledger == null ? "" : ", " + fixes + " fixes from " + ledger));
            o.flush();
            return WorkflowRuns.fork(o, runs, run, id, change);
        }

        private static String read(Path f) {
            try {
                return Files.readString(f).strip();
            } catch (IOException e) {
                throw new InvalidInputException(f.toString(), 0, "--instructions", "cannot be read: " + e.getMessage());
            }
        }
    }

    @Command(name = "diff", mixinStandardHelpOptions = true,
            description = {"Compare two runs of a workflow step by step: status, attempts, gate verdicts, outputs, cost and time.",
                    "A line starting with '~' is a step whose output or status differs."},
            footer = {"", "Example:", "  chassis diff recruit-brief-20261201-101500 recruit-brief-20261201-101500-fork-1"})
    static final class DiffCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "<run>", description = "The first run.")
        String a;

        @Parameters(index = "1", paramLabel = "<other run>", description = "The run to compare it with (a fork, or another run of the same workflow).")
        String b;

        @Mixin
        RunsFolderOption out = new RunsFolderOption();

        @Override
        public Integer call() {
            Ids.check("run id", a);
            Ids.check("run id", b);
            RunDiff diff = WorkflowRuns.runs(out.folder).diff(a, b);
            PrintWriter o = spec.commandLine().getOut();
            diff.lines().forEach(o::println);
            o.println(diff.changed().isEmpty() ? "No step differs." : diff.changed().size() + " of " + diff.steps().size() + " steps differ.");
            o.flush();
            return 0;
        }
    }
}
