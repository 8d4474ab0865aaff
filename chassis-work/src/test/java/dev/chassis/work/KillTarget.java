package dev.chassis.work;

import dev.chassis.core.journal.FileJournal;
import dev.chassis.core.tool.Tool;
import dev.chassis.core.tool.ToolResult;
import java.nio.file.Path;

/**
 * The process the kill test kills: runs (or resumes) the side-effecting workflow with a file journal;
 * each counter call takes a while, so kills land at every kind of point. Prints the outputs at the end.
 * Usage: {@code KillTarget <journal dir> <counter file> start|resume}.
 */
public final class KillTarget {

    public static void main(String[] args) throws Exception {
        Path journal = Path.of(args[0]);
        Path counter = Path.of(args[1]);
        Tool bump = WorkFixtures.counter(counter);
        Tool slow = Tool.of(bump.spec(), call -> {
            Thread.sleep(40);
            ToolResult r = bump.invoke(call);
            Thread.sleep(20);
            return r;
        });
        WorkHarness h = WorkHarness.builder().model(WorkFixtures.offline()).tools(slow).journal(new FileJournal(journal))
                .workflow(CrashResumeTest.workflow()).build();
        // Killed before the run was even recorded: nothing was done, so it starts afresh.
        boolean recorded = !new FileJournal(journal).read("killed-run").isEmpty();
        RunOutcome out = args[2].equals("start") || !recorded
                ? h.start(CrashResumeTest.workflow(), WorkFixtures.json("{}"), "killed-run")
                : h.resume("killed-run");
        System.out.println("OUTCOME " + out.status() + " " + out.outputs());
        System.exit(out.succeeded() ? 0 : 3);
    }
}
