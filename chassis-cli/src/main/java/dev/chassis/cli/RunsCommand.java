package dev.chassis.cli;

import dev.chassis.research.ops.workflow.RunInfo;
import dev.chassis.research.ops.workflow.RunStore;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code chassis runs}: lists runs, newest first, as their journals tell them. */
@Command(name = "runs",
        mixinStandardHelpOptions = true,
        description = {"List runs, newest first.", "",
                "List runs, newest first: id, status, when it started, and the report (done), what it waits for (waiting) or the "
                + "error (failed). 'chassis show <run id>' shows one run, with what it waits for."},
        footer = {"", "Examples:", "  chassis runs", "  chassis runs --out /tmp/runs"})
final class RunsCommand implements Callable<Integer> {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    @Spec
    CommandSpec spec;

    @Mixin
    RunsFolderOption out = new RunsFolderOption();

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        List<RunInfo> runs = new RunStore(out.folder).list();
        if (runs.isEmpty()) {
            o.println("No runs in " + out.folder.toAbsolutePath().normalize() + ". Start one with 'chassis demo' or 'chassis run <study.yaml>'.");
            return 0;
        }
        o.printf("%-34s %-8s %-16s %s%n", "RUN", "STATUS", "STARTED", "REPORT / WAITS FOR / ERROR");
        for (RunInfo r : runs) {
            o.printf("%-34s %-8s %-16s %s%n", r.id(), r.status().label(), WHEN.format(r.started()), r.detail());
        }
        o.flush();
        return 0;
    }
}
