package dev.chassis.cli;

import dev.chassis.core.input.Ids;
import dev.chassis.research.ops.workflow.RunInfo;
import dev.chassis.research.ops.workflow.RunStore;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code chassis resume}: continues a run that stopped. */
@Command(name = "resume",
        mixinStandardHelpOptions = true,
        description = {"Continue a run that stopped.", "",
                "Continue a run that stopped (killed, crashed, failed or waiting for live sessions) from its journal: what was "
                + "finished is kept, a side effect that completed (an invite sent) is not done again, sessions whose transcripts "
                + "were saved are not run again, and the run uses the seed and start time it began with. A run that is over (done "
                + "or rejected) is left as it is."},
        footer = {"", "Examples:", "  chassis resume demo-20250303-091500", "  chassis resume onboarding-20250303-091500 --out /tmp/runs"})
final class ResumeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<run id>", description = "The run to continue ('chassis runs' lists them).")
    String id;

    @Mixin
    RunsFolderOption out = new RunsFolderOption();

    @Mixin
    EngineOptions engine;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter o = spec.commandLine().getOut();
        RunInfo info = new RunStore(out.folder).find(Ids.check("<run id>", id));
        if (info.status().over()) {
            o.println("Run " + id + " is " + info.status().label() + (info.detail().isBlank() ? "" : ": " + info.detail())
                    + ". It is finished; nothing was done again.");
            o.flush();
            return 0;
        }
        if (info.kind().equals(WorkflowRuns.KIND)) {
            return WorkflowRuns.resume(o, out.folder, info, engine);
        }
        return StudyRunCommands.resume(o, out.folder, info, engine);
    }
}
