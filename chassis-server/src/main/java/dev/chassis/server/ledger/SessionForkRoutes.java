package dev.chassis.server.ledger;

import dev.chassis.core.input.Ids;
import dev.chassis.core.input.InvalidInputException;
import dev.chassis.core.model.Model;
import dev.chassis.core.model.ModelException;
import dev.chassis.research.guide.Guide;
import dev.chassis.research.guide.GuideFile;
import dev.chassis.research.ledger.SessionFork;
import dev.chassis.research.transcript.Transcript;
import dev.chassis.server.http.ApiException;
import dev.chassis.server.http.Json;
import dev.chassis.server.live.Interviews;
import dev.chassis.server.study.SessionInfo;
import dev.chassis.server.study.SessionStore;
import dev.chassis.server.study.Studies;
import dev.chassis.talk.TalkHarness;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Interview forks over HTTP: {@code POST /api/sessions/{session}/forks} forks a session at one of the
 * interviewer's turns with the server's ledger as it is now (or none), another guide or another engine,
 * lets the recorded answers or a synthetic participant carry on, and answers both transcripts side by side
 * with the signals each raised; {@code GET /api/personas} lists the example personas a fork can use.
 */
public final class SessionForkRoutes {

    /**
     * The body of a fork; every part is optional.
     *
     * @param turn          the interviewer's turn to fork at, as the transcript numbers turns (default 1, the whole interview)
     * @param persona       an example persona (one of {@code GET /api/personas}) who answers from the turn on; default: the
     *                      rest of the recorded answers
     * @param seed          the persona's seed (default 1)
     * @param model         another engine ({@code offline}, {@code openai:gpt-4.1-mini}); default: the server's
     * @param guideYaml     a changed guide's text; default: the session's study guide
     * @param withoutLedger fork without the server's ledger, to see the session as the harness alone takes it
     */
    public record ForkSession(Integer turn, String persona, Long seed, String model, String guideYaml, Boolean withoutLedger) {
    }

    /** One line of the side by side: the turn as recorded and in the fork ({@code ""} where a side has none). */
    public record Line(int turn, String speaker, String recorded, String forked, boolean differs) {
    }

    /** The fork: where it went elsewhere, both sides turn by turn, and the signals each raised, by kind. */
    public record Forked(String session, int turn, String answeredBy, boolean ledger, Optional<Integer> divergesAt, List<Line> lines,
                         Map<String, Integer> recordedSignals, Map<String, Integer> forkedSignals) {
    }

    private final ServerLedger ledger;
    private final SessionStore sessions;
    private final Studies studies;
    private final Interviews interviews;
    private final Optional<Path> personas;
    private final Function<String, Model> models;
    private final int maxBody;

    /**
     * @param examples the examples folder, whose {@code personas/} a fork's persona is picked from
     * @param models   an engine by the name a researcher gives
     */
    public SessionForkRoutes(ServerLedger ledger, SessionStore sessions, Studies studies, Interviews interviews, Optional<Path> examples,
                             Function<String, Model> models, int maxBody) {
        this.ledger = ledger;
        this.sessions = sessions;
        this.studies = studies;
        this.interviews = interviews;
        this.personas = examples.map(e -> e.resolve("personas"));
        this.models = models;
        this.maxBody = maxBody;
    }

    public void register(RoutesConfig r) {
        r.get("/api/personas", ctx -> ctx.json(personaNames()));
        r.post("/api/sessions/{session}/forks", this::fork);
    }

    private void fork(Context ctx) {
        SessionInfo session = sessions.get(ctx.pathParam("session"));
        ForkSession body = Json.body(ctx, ForkSession.class, maxBody);
        int turn = body.turn() == null ? 1 : body.turn();
        Guide guide = body.guideYaml() == null || body.guideYaml().isBlank() ? studies.guide(session.study())
                : GuideFile.parse(body.guideYaml(), "guideYaml");   // an invalid guide is one located error (400)
        String language = guide.languages().contains(session.language()) ? session.language() : guide.language();
        TalkHarness.Builder b = ledger.replayHarness();
        Optional.ofNullable(body.model()).filter(m -> !m.isBlank()).ifPresent(m -> b.model(model(m)));
        boolean withLedger = !Boolean.TRUE.equals(body.withoutLedger());
        if (withLedger) {
            b.ledger(ledger.ledger());
        }
        Optional<String> persona = Optional.ofNullable(body.persona()).filter(p -> !p.isBlank());
        SessionFork.Continuation then = persona.map(p -> SessionFork.Continuation.persona(persona(p), body.seed() == null ? 1 : body.seed()))
                .orElse(new SessionFork.Continuation.Recorded());
        Transcript original = interviews.transcript(session.id());
        SessionFork fork;
        try {
            fork = SessionFork.of(original, b.build(), guide.briefing(language, Map.of()), turn, then);
        } catch (InvalidInputException e) {
            throw ApiException.badRequest(e.getMessage().replace("--turn", "turn"));
        }
        ctx.json(new Forked(session.id(), turn, persona.map(p -> "persona " + p).orElse("the recorded answers"), withLedger,
                fork.divergesAt().isPresent() ? Optional.of(fork.divergesAt().getAsInt()) : Optional.empty(), lines(fork),
                fork.originalSignals(), fork.forkedSignals()));
    }

    private static List<Line> lines(SessionFork fork) {
        return fork.rows().stream().map(r -> new Line(r.turn(), r.speaker().name().toLowerCase(Locale.ROOT), r.recorded(), r.forked(),
                r.differs())).toList();
    }

    private Model model(String name) {
        try {
            return models.apply(name);
        } catch (ModelException e) {
            throw ApiException.badRequest("model '" + Ids.printable(name) + "' cannot be used: " + e.getMessage());
        }
    }

    private List<String> personaNames() {
        if (personas.isEmpty() || !Files.isDirectory(personas.get())) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(personas.get())) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.matches("[A-Za-z0-9._-]+\\.ya?ml"))
                    .map(n -> n.replaceFirst("\\.ya?ml$", "")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An example persona by name: only names in the listing, so no path reaches outside the examples folder. */
    private Path persona(String name) {
        if (!personaNames().contains(name)) {
            throw ApiException.badRequest("no example persona '" + Ids.printable(name) + "'; GET /api/personas lists them");
        }
        Path yaml = personas.orElseThrow().resolve(name + ".yaml");
        return Files.isRegularFile(yaml) ? yaml : personas.orElseThrow().resolve(name + ".yml");
    }
}
