package dev.chassis.cli;

import dev.chassis.core.input.Ids;
import dev.chassis.core.input.InvalidInputException;
import dev.chassis.research.ops.workflow.RunInfo;
import dev.chassis.research.ops.workflow.RunStore;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code chassis approve} and {@code chassis reject}: a person's decision on a workflow run that waits for one. */
abstract class DecideCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<run id>", description = "The waiting run ('chassis runs' shows which wait).")
    String id;

    @Option(names = "--note", defaultValue = "", paramLabel = "<text>", description = "Why, for the run's journal.")
    String note;

    @Option(names = "--by", paramLabel = "<name>", description = "Who decides (default: the USER environment variable).")
    String by;

    @Mixin
    RunsFolderOption out = new RunsFolderOption();

    @Mixin
    EngineOptions engine;

    abstract boolean approve();

    @Override
    public Integer call() throws InterruptedException {
        RunInfo info = new RunStore(out.folder).find(Ids.check("<run id>", id));
        if (info.status() != RunInfo.Status.WAITING) {
            throw new InvalidInputException("run id", 0, "", "run '" + id + "' is " + info.status().label() + ", not waiting for a decision");
        }
        String who = by != null ? by : System.getenv().getOrDefault("USER", "cli");
        if (info.kind().equals(WorkflowRuns.KIND)) {
            return WorkflowRuns.decide(spec.commandLine().getOut(), out.folder, info, approve(), who, note, engine);
        }
        // a study run waits for its live sessions: approving continues it (as resume does), rejecting ends it
        return approve() ? StudyRunCommands.resume(spec.commandLine().getOut(), out.folder, info, engine)
                : StudyRunCommands.reject(spec.commandLine().getOut(), out.folder, info, who, note, engine);
    }

    @Command(name = "approve", mixinStandardHelpOptions = true,
            description = {"Approve what a paused workflow run waits for, and continue it.", "",
                    "The decision, who made it and the note go into the run's journal; the run then continues to its end or its next pause."},
            footer = {"", "Examples:", "  chassis approve recruit-brief-20251124-101500 --note \"invitation reads well\"",
                    "  chassis approve recruit-brief-20251124-101500 --by maria --out /tmp/runs"})
    static final class Approve extends DecideCommand {
        @Override
        boolean approve() {
            return true;
        }
    }

    @Command(name = "reject", mixinStandardHelpOptions = true,
            description = {"Reject what a paused workflow run waits for: the step fails and the run ends with the evidence.", ""},
            footer = {"", "Examples:", "  chassis reject recruit-brief-20251124-101500 --note \"too salesy\""})
    static final class Reject extends DecideCommand {
        @Override
        boolean approve() {
            return false;
        }
    }
}
