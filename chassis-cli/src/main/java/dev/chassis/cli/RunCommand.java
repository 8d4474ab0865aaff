package dev.chassis.cli;

import dev.chassis.core.input.InvalidInputException;
import dev.chassis.core.input.StructuredReader;
import dev.chassis.core.model.Model;
import dev.chassis.research.ops.study.StudyPlan;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code chassis run}: runs a study (research operations) as a resumable run. */
@Command(name = "run",
        mixinStandardHelpOptions = true,
        description = {"Run a study file (research operations) as a resumable run.", "",
                "Run a research-operations study file as a resumable run: recruit, schedule with invites, "
                + "conduct (synthetic participants offline), check quality, synthesise and report.",
                "",
                "Each run gets a folder under --out named by its run id; 'chassis runs' lists them and "
                        + "'chassis resume <run id>' continues one that stopped, without redoing finished sessions."},
        footer = {"", "Examples:", "  chassis run examples/study-onboarding/study.yaml",
                "  chassis run my-study/study.yaml --live s-02 --out /tmp/runs"})
final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<study.yaml>", description = "The study file.")
    Path file;

    @Mixin
    RunOptions run;

    @Option(names = "--live", paramLabel = "<session>", description = "Stream this session's interview (for example s-01).")
    String live;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter o = spec.commandLine().getOut();
        if (!StructuredReader.yaml().tree(file).has("study")) {
            throw new InvalidInputException(file.toString(), 1, "", "is not a study file (it has no 'study:' key); 'chassis run' "
                    + "runs research-operations studies (see examples/study-onboarding/study.yaml)");
        }
        StudyPlan plan = StudyPlan.load(file);
        Model model = StudyRunCommands.model(run.model);
        Instant now = Instant.now();
        o.println("Study:   " + plan.study().title() + " (" + plan.file() + ")");
        String id = StudyRunCommands.newId(plan.study().study(), now);
        return StudyRunCommands.start(o, run.out, StudyRunCommands.record(id, plan.file(), run.model, run.seed, now, Optional.ofNullable(live)), model);
    }
}
