package dev.chassis.server.ops;

import dev.chassis.server.http.ApiException;
import dev.chassis.server.http.Json;
import dev.chassis.server.auth.ParticipantTokens;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import dev.chassis.core.input.Ids;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Runs of study and workflow files: start, list, status with the step timeline, approve or reject a paused step, resume, report. */
public final class RunRoutes {

    /**
     * The body of {@code POST /api/runs}: a study or workflow file on the server's disk ({@code studyFile}, or
     * {@code workflowFile}), a seed for a study's synthetic participants, a workflow's inputs.
     */
    public record StartRun(String studyFile, String workflowFile, Long seed, Map<String, String> inputs) {
    }

    /** The body of approve and reject; the note is optional. */
    public record Decision(String note) {
    }

    private final Runs runs;
    private final List<Path> studyRoots;
    private final ParticipantTokens links;
    private final int maxBody;
    private final String modelName;

    /**
     * @param studyRoots the folders study files may be read from (the data folder, the examples folder), real paths;
     *                   relative study file paths are taken from the first
     */
    public RunRoutes(Runs runs, List<Path> studyRoots, ParticipantTokens links, int maxBody, String modelName) {
        this.runs = runs;
        this.studyRoots = List.copyOf(studyRoots);
        this.links = links;
        this.maxBody = maxBody;
        this.modelName = modelName;
    }

    public void register(RoutesConfig r) {
        r.get("/api/runs", ctx -> ctx.json(runs.list()));
        r.post("/api/runs", ctx -> {
            StartRun body = Json.body(ctx, StartRun.class, maxBody);
            String named = body.studyFile() != null && !body.studyFile().isBlank() ? body.studyFile() : body.workflowFile();
            if (named == null || named.isBlank()) {
                throw ApiException.badRequest("'studyFile' (or 'workflowFile') is required: the path of a study or workflow file on the server");
            }
            Path file = studyFile(named);
            if (Runs.isWorkflow(file)) {
                ctx.status(202).json(runs.startWorkflow(file, modelName, body.inputs() == null ? Map.of() : body.inputs()));
                return;
            }
            ctx.status(202).json(runs.start(file, body.seed() == null ? 1 : body.seed(), modelName));
        });
        r.get("/api/runs/{run}", ctx -> ctx.json(runs.get(ctx.pathParam("run"), session -> link(ctx, session))));
        r.post("/api/runs/{run}/approve", ctx -> ctx.status(202).json(runs.approve(ctx.pathParam("run"), note(ctx))));
        r.post("/api/runs/{run}/reject", ctx -> ctx.json(runs.reject(ctx.pathParam("run"), note(ctx))));
        r.post("/api/runs/{run}/resume", ctx -> ctx.status(202).json(runs.resume(ctx.pathParam("run"))));
        r.get("/api/runs/{run}/report", ctx -> {
            String format = Optional.ofNullable(ctx.queryParam("format")).orElse("html");
            if (!format.equals("html") && !format.equals("md")) {
                throw ApiException.badRequest("format must be html or md, was '" + format + "'");
            }
            Path[] files = runs.report(ctx.pathParam("run"))
                    .orElseThrow(() -> ApiException.conflict("run " + ctx.pathParam("run") + " has no report yet"));
            ctx.header("Content-Disposition", "attachment; filename=\"" + ctx.pathParam("run") + "-report." + format + "\"");
            ctx.contentType(format.equals("html") ? "text/html; charset=utf-8" : "text/markdown; charset=utf-8");
            ctx.result(Files.readAllBytes(format.equals("html") ? files[0] : files[1]));
        });
    }

    /**
     * The study file a researcher named, which must be inside one of the study roots (also with links followed):
     * the server reads no file elsewhere because someone named it. Checked before the file is looked for, so the
     * answer tells nothing about files outside.
     */
    private Path studyFile(String given) {
        Path named;
        try {
            named = Path.of(given);
        } catch (InvalidPathException e) {
            throw ApiException.badRequest("'studyFile' is not a file path: '" + Ids.printable(given) + "'");
        }
        Path file = (named.isAbsolute() ? named : studyRoots.getFirst().resolve(named)).normalize();
        String where = "study files are read from " + studyRoots.stream().map(Path::toString).collect(Collectors.joining(" or "))
                + " only";
        if (studyRoots.stream().noneMatch(file::startsWith)) {
            throw ApiException.badRequest("'" + Ids.printable(given) + "' is outside the folders the server reads: " + where);
        }
        if (!Files.isRegularFile(file)) {
            throw ApiException.badRequest("no study file at '" + Ids.printable(given) + "' on the server (" + where + ")");
        }
        try {
            Path real = file.toRealPath();
            if (studyRoots.stream().noneMatch(real::startsWith)) {
                throw ApiException.badRequest("'" + Ids.printable(given) + "' leads outside the folders the server reads: " + where);
            }
            return real;
        } catch (IOException e) {
            throw ApiException.badRequest("the study file '" + Ids.printable(given) + "' cannot be read");
        }
    }

    private String note(Context ctx) {
        if (ctx.contentLength() <= 0) {
            return "";
        }
        Decision d = Json.body(ctx, Decision.class, maxBody);
        String note = d.note() == null ? "" : d.note().strip();
        if (note.length() > 1_000) {
            throw ApiException.badRequest("note must be at most 1,000 characters");
        }
        return note;
    }

    private String link(Context ctx, String session) {
        return ctx.scheme() + "://" + ctx.host() + "/p/" + links.sign(session);
    }
}
