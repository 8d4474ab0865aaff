package dev.chassis.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chassis.core.input.InvalidInputException;
import dev.chassis.core.input.StructuredReader;
import dev.chassis.core.model.Model;
import dev.chassis.research.ops.study.StudyPlan;
import dev.chassis.research.ops.workflow.StudyRuns;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code chassis run}: runs a study (research operations) or a work-harness workflow as a resumable run. */
@Command(name = "run",
        mixinStandardHelpOptions = true,
        description = {"Run a study file or a workflow file as a resumable run.", "",
                "A study file (it has 'study:') runs research operations: recruit, schedule with invites, conduct "
                + "(synthetic participants offline), check quality, synthesise and report.",
                "A workflow file (it has 'steps:') runs on the work harness: each step's agent loop with its tools, the gates "
                + "between steps with retries, budgets, and a pause where a person must approve ('chassis approve').",
                "",
                "Each run gets a folder under --out named by its run id; 'chassis runs' lists them and "
                        + "'chassis resume <run id>' continues one that stopped, without redoing finished work."},
        footer = {"", "Examples:", "  chassis run examples/study-onboarding/study.yaml",
                "  chassis run my-study/study.yaml --live s-02 --out /tmp/runs",
                "  chassis run examples/workflows/recruit-brief/workflow.yaml",
                "  chassis run my-workflow.yaml --input topic=onboarding --model openai:gpt-4.1-mini",
                "  chassis run examples/workflows/recruit-brief/workflow.yaml --engine temporal --temporal-target 127.0.0.1:7233"})
final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<file.yaml>", description = "The study or workflow file.")
    Path file;

    @Mixin
    RunOptions run;

    @Mixin
    EngineOptions engine;

    @Option(names = "--live", paramLabel = "<session>", description = "Study runs: stream this session's interview (for example s-01).")
    String live;

    @Option(names = "--input", paramLabel = "<key=value>", description = "Workflow runs: an input of the run (repeatable).")
    Map<String, String> inputs = new LinkedHashMap<>();

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter o = spec.commandLine().getOut();
        JsonNode tree = StructuredReader.yaml().tree(file);
        if (tree.has("steps") && !tree.has("study")) {
            return WorkflowRuns.start(o, run.out, file, run.model, inputs, engine, run.ledger.folder());
        }
        if (!tree.has("study")) {
            throw new InvalidInputException(file.toString(), 1, "", "is neither a study file (no 'study:' key) nor a workflow file "
                    + "(no 'steps:' key); see examples/study-onboarding/study.yaml and examples/workflows/recruit-brief/workflow.yaml");
        }
        StudyPlan plan = StudyPlan.load(file);
        Model model = StudyRunCommands.model(run.model);
        Instant now = Instant.now();
        o.println("Study:   " + plan.study().title() + " (" + plan.file() + ")");
        String id = StudyRunCommands.newId(plan.study().study(), now);
        return StudyRunCommands.start(o, run.out, new StudyRuns.Request(id, plan.file(), run.model, run.seed, Optional.ofNullable(live), now),
                model, engine, run.ledger.folder());
    }
}
