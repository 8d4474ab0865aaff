package dev.chassis.cli;

import dev.chassis.core.input.InvalidInputException;
import dev.chassis.core.model.Model;
import dev.chassis.research.ops.study.StudyPlan;
import dev.chassis.research.ops.workflow.StudyRuns;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code chassis demo}: the research-operations workflow end to end, offline, on the example study. */
@Command(name = "demo",
        mixinStandardHelpOptions = true,
        description = {"The main demo: research operations end to end, offline, on the example study.", "",
                "Recruit and screen from a "
                + "participant pool, schedule across time zones with calendar invites, interview synthetic participants "
                + "(one interview streams live with its signals), check session quality, synthesise themes with "
                + "verbatim quotes, and write an HTML and a Markdown report.",
                "",
                "Needs no network and no API key. Writes everything under the run's folder (printed at the start); "
                        + "a stopped demo continues with 'chassis resume <run id>'."},
        footer = {"", "Examples:", "  chassis demo", "  chassis demo --out /tmp/chassis-runs --seed 7"})
final class DemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--study", paramLabel = "<study.yaml>", description = "Study file (default: the example study in examples/study-onboarding).")
    Path study;

    @Mixin
    RunOptions run;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter o = spec.commandLine().getOut();
        Path file = study != null ? study : Locations.home().resolve("examples/study-onboarding/study.yaml");
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException(file.toString(), 0, "", "file not found; run the demo from a Chassis checkout or give --study");
        }
        StudyPlan plan = StudyPlan.load(file);
        Model model = StudyRunCommands.model(run.model);
        Instant now = Instant.now();
        o.println("Chassis demo: research operations, offline, on \"" + plan.study().title() + "\"");
        o.println("Study:   " + plan.file());
        o.println("Engine:  " + model.name() + (run.model.equals("offline") ? " (deterministic, no network)" : "")
                + "; synthetic participants, seed " + run.seed);
        String id = StudyRunCommands.newId("demo", now);
        return StudyRunCommands.start(o, run.out, new StudyRuns.Request(id, plan.file(), run.model, run.seed, Optional.of("s-01"), now), model,
                new EngineOptions(), run.ledger.folder());
    }
}
