package dev.chassis.server.api;

import dev.chassis.server.http.ApiException;
import dev.chassis.server.http.Json;
import dev.chassis.server.auth.ParticipantTokens;
import dev.chassis.server.study.SessionIds;
import dev.chassis.server.study.SessionInfo;
import dev.chassis.server.study.SessionStore;
import dev.chassis.server.study.Studies;
import dev.chassis.server.study.StudyInfo;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Studies: list, create from a guide (YAML in the body, or one of the example guides by name), show,
 * and make participant links (a new session each).
 */
public final class StudyRoutes {

    /** The body of {@code POST /api/studies}: either {@code guideYaml} (with an optional file name) or {@code example}. */
    public record CreateStudy(String guideYaml, String source, String example) {
    }

    /** The body of {@code POST /api/studies/{id}/sessions}; both fields optional. */
    public record CreateSession(String language, String participant) {
    }

    /** A new participant link. {@code token} is the secret part; share {@code link} with one participant only. */
    public record SessionCreated(SessionInfo session, String token, String link) {
    }

    /** A study in a listing, with its sessions counted by status. */
    public record StudySummary(StudyInfo study, int sessions, int completed, int live) {
    }

    private final Studies studies;
    private final SessionStore sessions;
    private final ParticipantTokens links;
    private final Optional<Path> examples;
    private final Clock clock;
    private final int maxBody;

    public StudyRoutes(Studies studies, SessionStore sessions, ParticipantTokens links, Optional<Path> examples, Clock clock, int maxBody) {
        this.studies = studies;
        this.sessions = sessions;
        this.links = links;
        this.examples = examples.map(e -> e.resolve("guides"));
        this.clock = clock;
        this.maxBody = maxBody;
    }

    public void register(RoutesConfig r) {
        r.get("/api/examples", ctx -> ctx.json(exampleNames()));
        r.get("/api/studies", ctx -> ctx.json(studies.list().stream().map(this::summary).toList()));
        r.post("/api/studies", this::create);
        r.get("/api/studies/{study}", ctx -> ctx.json(summary(studies.get(ctx.pathParam("study")))));
        r.post("/api/studies/{study}/sessions", this::createSession);
    }

    private StudySummary summary(StudyInfo s) {
        List<SessionInfo> of = sessions.list(s.id());
        return new StudySummary(s, of.size(), (int) of.stream().filter(x -> x.status().equals("completed")).count(),
                (int) of.stream().filter(x -> x.status().equals("live")).count());
    }

    private void create(Context ctx) {
        CreateStudy body = Json.body(ctx, CreateStudy.class, maxBody);
        boolean hasYaml = body.guideYaml() != null && !body.guideYaml().isBlank();
        boolean hasExample = body.example() != null && !body.example().isBlank();
        if (hasYaml == hasExample) {
            throw ApiException.badRequest("give either 'guideYaml' (the guide's text) or 'example' (one of GET /api/examples), not both");
        }
        StudyInfo created;
        if (hasExample) {
            Path file = example(body.example());
            created = studies.create(read(file), file.getFileName().toString(), clock.instant());
        } else {
            String source = body.source() == null || body.source().isBlank() ? "guide.yaml" : body.source().replaceAll("[^A-Za-z0-9._-]", "_");
            created = studies.create(body.guideYaml(), source, clock.instant());
        }
        ctx.status(201).json(summary(created));
    }

    private void createSession(Context ctx) {
        StudyInfo study = studies.get(ctx.pathParam("study"));
        CreateSession body = ctx.contentLength() > 0 ? Json.body(ctx, CreateSession.class, maxBody) : new CreateSession(null, null);
        String language = body.language() == null || body.language().isBlank() ? study.languages().getFirst() : body.language();
        if (!study.languages().contains(language)) {
            throw ApiException.badRequest("study '" + study.id() + "' is held in " + String.join(", ", study.languages())
                    + "; '" + language + "' is not one of them");
        }
        Optional<String> participant = Optional.ofNullable(body.participant()).map(String::strip).filter(p -> !p.isEmpty());
        if (participant.isPresent() && participant.get().length() > 100) {
            throw ApiException.badRequest("participant must be at most 100 characters");
        }
        SessionInfo s = sessions.save(new SessionInfo(SessionIds.newId(), study.id(), language, participant, clock.instant(), "invited",
                Optional.empty(), Optional.empty()));
        ctx.status(201).json(created(ctx, s));
    }

    /** The link for a session, on the host the researcher reached this server by. */
    SessionCreated created(Context ctx, SessionInfo s) {
        String token = links.sign(s.id());
        return new SessionCreated(s, token, ctx.scheme() + "://" + ctx.host() + "/p/" + token);
    }

    private List<String> exampleNames() {
        if (examples.isEmpty() || !Files.isDirectory(examples.get())) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(examples.get())) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.matches("[A-Za-z0-9._-]+\\.ya?ml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An example guide by name: only names in the listing, so no path can reach outside the examples folder. */
    private Path example(String name) {
        if (!exampleNames().contains(name)) {
            throw ApiException.notFound("no example guide '" + name + "'; GET /api/examples lists them");
        }
        return examples.orElseThrow().resolve(name);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
