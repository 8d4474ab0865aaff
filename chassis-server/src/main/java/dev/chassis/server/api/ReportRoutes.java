package dev.chassis.server.api;

import dev.chassis.server.http.ApiException;
import dev.chassis.core.input.Ids;
import dev.chassis.research.report.ReportWriter;
import dev.chassis.research.transcript.Transcript;
import dev.chassis.research.transcript.TranscriptFiles;
import dev.chassis.server.auth.ParticipantTokens;
import dev.chassis.server.files.DataFolder;
import dev.chassis.server.study.Studies;
import dev.chassis.server.study.StudyInfo;
import dev.chassis.server.study.StudyReports;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reports of a study's completed sessions: download as HTML or Markdown with the researcher token, or
 * view in the browser through a short-lived ticket (a frame or a new tab cannot send a bearer header).
 * The report is self-contained HTML with inline scripts for its charts, so its page gets its own, sandboxed
 * content policy rather than the console's.
 */
public final class ReportRoutes {

    /** A ticket to view one report for a minute. */
    public record ReportTicket(String url, long expiresEpochSecond) {
    }

    private static final long TICKET_SECONDS = 120;

    private final Studies studies;
    private final DataFolder files;
    private final ParticipantTokens links;
    private final Clock clock;

    public ReportRoutes(Studies studies, DataFolder files, ParticipantTokens links, Clock clock) {
        this.studies = studies;
        this.files = files;
        this.links = links;
        this.clock = clock;
    }

    public void register(RoutesConfig r) {
        r.get("/api/studies/{study}/report", ctx -> {
            String format = ctx.queryParam("format") == null ? "html" : ctx.queryParam("format");
            if (!format.equals("html") && !format.equals("md")) {
                throw ApiException.badRequest("format must be html or md, was '" + format + "'");
            }
            ReportWriter.Written w = write(studies.get(ctx.pathParam("study")));
            Path file = format.equals("html") ? w.html() : w.markdown();
            ctx.header("Content-Disposition", "attachment; filename=\"" + ctx.pathParam("study") + "-report." + format + "\"");
            ctx.contentType(format.equals("html") ? "text/html; charset=utf-8" : "text/markdown; charset=utf-8");
            ctx.result(Files.readAllBytes(file));
        });
        r.post("/api/studies/{study}/report/ticket", ctx -> {
            StudyInfo s = studies.get(ctx.pathParam("study"));
            java.time.Instant expires = clock.instant().plusSeconds(TICKET_SECONDS);
            ctx.json(new ReportTicket("/reports/" + s.id() + "?ticket=" + links.ticket(s.id(), expires), expires.getEpochSecond()));
        });
        r.get("/reports/{study}", this::view);
    }

    private void view(Context ctx) {
        String study = ctx.pathParam("study");
        Ids.check("study", study);
        if (!links.checkTicket(ctx.queryParam("ticket"), study)) {
            throw ApiException.unauthorized("this report link has expired or is not valid; open the report again from the console");
        }
        ReportWriter.Written w = write(studies.get(study));
        ctx.header("Content-Security-Policy", "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; "
                + "sandbox allow-scripts; frame-ancestors 'self'");
        ctx.header("X-Frame-Options", "SAMEORIGIN");
        ctx.contentType("text/html; charset=utf-8");
        try {
            ctx.result(Files.readAllBytes(w.html()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ReportWriter.Written write(StudyInfo s) {
        return StudyReports.write(s, studies.guide(s.id()), completed(files.studyTranscripts(s.id())), files.studyReport(s.id()));
    }

    private static List<Transcript> completed(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().map(f -> TranscriptFiles.load(f).getFirst()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
