package dev.chassis.cli;

import dev.chassis.core.input.Ids;
import dev.chassis.research.ops.workflow.RunRecord;
import dev.chassis.research.ops.workflow.RunStore;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code chassis resume}: continues a run that stopped. */
@Command(name = "resume",
        mixinStandardHelpOptions = true,
        description = {"Continue a run that stopped.", "",
                "Continue a run that stopped (killed, crashed, failed or waiting for live sessions) from its folder: what was finished is "
                + "kept, sessions whose transcripts were saved are not run again, and the run uses the seed and start "
                + "time it began with."},
        footer = {"", "Examples:", "  chassis resume demo-20250303-091500", "  chassis resume onboarding-20250303-091500 --out /tmp/runs"})
final class ResumeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<run id>", description = "The run to continue ('chassis runs' lists them).")
    String id;

    @Option(names = "--out", paramLabel = "<dir>", defaultValue = Locations.RUNS, description = "Where runs are (default: ${DEFAULT-VALUE}).")
    Path out;

    @Override
    public Integer call() throws InterruptedException {
        RunRecord record = new RunStore(out).find(Ids.check("<run id>", id));
        if (record.kind().equals(WorkflowRuns.KIND)) {
            return WorkflowRuns.resume(spec.commandLine().getOut(), out, record);
        }
        return StudyRunCommands.resume(spec.commandLine().getOut(), out, id);
    }
}
