package dev.chassis.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chassis.core.input.Ids;
import dev.chassis.core.input.InvalidInputException;
import dev.chassis.core.input.StructuredReader;
import dev.chassis.research.ops.conduct.SessionEvents;
import dev.chassis.research.ops.study.StudyPlan;
import dev.chassis.research.ops.workflow.RunInfo;
import dev.chassis.research.ops.workflow.RunProgress;
import dev.chassis.research.ops.workflow.RunStore;
import dev.chassis.research.ops.workflow.RunWaiting;
import dev.chassis.research.ops.workflow.StudyRuns;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The research application's operations as an MCP server offers them: the studies in a folder, starting a study run,
 * the runs and their reports. Studies are named by their id, runs by theirs: nothing a client sends becomes a path.
 * Answers are JSON (reports Markdown). Thread-safe.
 *
 * @param studies where study files are looked for (three folders deep)
 * @param store   the runs
 * @param runs    study runs on the engine a model string names ({@code offline}, {@code openai:gpt-4.1-mini})
 * @param model   the engine runs use unless a call names one
 */
public record ResearchOperations(Path studies, RunStore store, Function<String, StudyRuns> runs, String model, Clock clock) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter ID = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    /** The study files under {@code studies}, with their id, title and sessions; files that do not read are listed with why. */
    public JsonNode listStudies() {
        ObjectNode out = JSON.createObjectNode();
        ArrayNode list = out.putArray("studies");
        ArrayNode problems = out.putArray("problems");
        for (Path file : studyFiles()) {
            try {
                StudyPlan plan = StudyPlan.load(file);
                list.addObject().put("study", plan.study().study()).put("title", plan.study().title()).put("sessions", plan.study().sessions())
                        .put("file", studies.relativize(file).toString());
            } catch (InvalidInputException e) {
                problems.addObject().put("file", studies.relativize(file).toString()).put("problem", e.getMessage());
            }
        }
        return out;
    }

    /**
     * Runs the study with this id (synthetic participants for sessions not marked live) until it is done or waits for
     * people; a run is created even when it then fails, so it can be resumed.
     */
    public JsonNode runStudy(String study, long seed, Optional<String> modelString) throws InterruptedException {
        Path file = studyFiles().stream().filter(f -> isStudy(f, study)).findFirst().orElseThrow(() -> new IllegalArgumentException(
                "no study '" + study + "' in " + studies + "; list_studies names them"));
        String engine = modelString.filter(m -> !m.isBlank()).orElse(model);
        Instant now = clock.instant();
        String id = Ids.slug(study, Ids.MAX_LENGTH - 16, "run") + "-" + ID.format(now);
        StudyRuns studyRuns = runs.apply(engine);
        RunInfo created = studyRuns.create(new StudyRuns.Request(id, file, engine, seed, Optional.empty(), now));
        try {
            studyRuns.resume(created.id(), RunProgress.NONE, SessionEvents.NONE);
        } catch (RunWaiting waiting) {
            // it waits for people: its status says for what
        }
        return run(created.id());
    }

    /** Every run, newest first. */
    public JsonNode listRuns() {
        ObjectNode out = JSON.createObjectNode();
        ArrayNode list = out.putArray("runs");
        store.list().forEach(r -> list.add(summary(r)));
        return out;
    }

    /** One run: its status, what it ran, and its report or what it waits for or why it failed. */
    public JsonNode run(String id) {
        RunInfo r = find(id);
        ObjectNode out = summary(r);
        out.put("input", Path.of(r.input()).getFileName().toString()).put("model", r.model()).put("seed", r.seed());
        out.put("report", r.status() == RunInfo.Status.DONE && Files.isRegularFile(reportFile(r.id())));
        return out;
    }

    /** A finished run's report, as Markdown. */
    public String report(String id) {
        RunInfo r = find(id);
        Path md = reportFile(r.id());
        if (r.status() != RunInfo.Status.DONE || !Files.isRegularFile(md)) {
            throw new IllegalArgumentException("run " + id + " is " + r.status().label() + (r.detail().isBlank() ? "" : " (" + r.detail() + ")")
                    + ": it has no report yet");
        }
        try {
            return Files.readString(md, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("the report of run " + id + " cannot be read: " + e.getMessage(), e);
        }
    }

    private Path reportFile(String id) {
        return store.folder(id).report().resolve("report.md");
    }

    private RunInfo find(String id) {
        if (!Ids.valid(id)) {
            throw new IllegalArgumentException("'" + Ids.printable(id) + "' is not a run id (" + Ids.RULE + "); list_runs names them");
        }
        return store.read(id).orElseThrow(() -> new IllegalArgumentException("no run '" + id + "'; list_runs names them"));
    }

    private static ObjectNode summary(RunInfo r) {
        return JSON.createObjectNode().put("run", r.id()).put("kind", r.kind()).put("status", r.status().label())
                .put("started", r.started().toString()).put("detail", r.detail());
    }

    private List<Path> studyFiles() {
        if (!Files.isDirectory(studies)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(studies, 3)) {
            List<Path> out = new ArrayList<>();
            files.filter(f -> Files.isRegularFile(f) && (f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))).sorted()
                    .filter(ResearchOperations::hasStudyKey).forEach(out::add);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list studies in " + studies + ": " + e.getMessage(), e);
        }
    }

    private static boolean hasStudyKey(Path file) {
        try {
            return StructuredReader.yaml().tree(file).has("study");
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static boolean isStudy(Path file, String study) {
        try {
            return StudyPlan.load(file).study().study().equals(study);
        } catch (InvalidInputException e) {
            return false;
        }
    }
}
