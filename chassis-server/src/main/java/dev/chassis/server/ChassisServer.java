package dev.chassis.server;

import dev.chassis.core.journal.Journal;
import dev.chassis.core.model.Model;
import dev.chassis.models.ModelFactory;
import dev.chassis.models.offline.OfflineModel;
import dev.chassis.models.offline.Pacing;
import dev.chassis.server.api.ParticipantRoutes;
import dev.chassis.server.api.ReportRoutes;
import dev.chassis.server.api.SessionRoutes;
import dev.chassis.server.api.StudyRoutes;
import dev.chassis.server.auth.Access;
import dev.chassis.server.auth.ParticipantTokens;
import dev.chassis.server.auth.ResearcherToken;
import dev.chassis.server.auth.SharedSecrets;
import dev.chassis.server.files.DataFolder;
import dev.chassis.server.health.HealthChecks;
import dev.chassis.server.health.ServerHealth;
import dev.chassis.server.http.Errors;
import dev.chassis.server.http.JettyErrors;
import dev.chassis.server.ledger.LedgerRoutes;
import dev.chassis.server.ledger.ServerLedger;
import dev.chassis.server.ledger.SessionForkRoutes;
import dev.chassis.server.live.Interviews;
import dev.chassis.server.live.ParticipantSocket;
import dev.chassis.server.metrics.ServerMetrics;
import dev.chassis.server.ops.ForkRoutes;
import dev.chassis.server.ops.RunRoutes;
import dev.chassis.server.ops.Runs;
import dev.chassis.server.study.SessionStore;
import dev.chassis.server.study.Studies;
import dev.chassis.server.web.Pages;
import dev.chassis.store.JdbcJournal;
import dev.chassis.talk.TalkHarness;
import dev.chassis.work.WorkEngine;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The Chassis server: the research application over HTTP and WebSocket on Javalin (virtual threads),
 * with the participant page and the researcher console. Start one with {@link #start}; stop it with
 * {@link #close}, which suspends open interviews (they resume from the journal on the next start).
 *
 * <pre>{@code
 * try (ChassisServer server = ChassisServer.start(ServerConfig.defaults(Path.of(".chassis")).withPort(0))) {
 *     System.out.println(server.url() + " token " + server.newResearcherToken().orElse("(shown on first start)"));
 * }
 * }</pre>
 *
 * Thread-safe.
 */
public final class ChassisServer implements AutoCloseable {

    private final Javalin app;
    private final JdbcJournal database;
    private final Interviews interviews;
    private final ServerMetrics metrics;
    private final ServerHealth health;
    private final Runs runs;
    private final ResearcherToken token;
    private final ServerConfig config;
    private final ServerLedger ledger;
    private final Studies studies;
    private final WarmUps warmUps;

    private ChassisServer(ServerConfig config, boolean renewToken, boolean rotateLinkKey, WorkEngine.Factory engines) {
        this.config = config;
        DataFolder files = new DataFolder(config.dataDir().toAbsolutePath().normalize(), config.runsDir().toAbsolutePath().normalize());
        Clock clock = Clock.systemUTC();
        this.database = config.databaseUrl().map(JdbcJournal::open).orElseGet(() -> JdbcJournal.h2(files.database()));
        // the secrets live in the database too: every node sharing it takes the same token and links
        ParticipantTokens links;
        try {
            this.token = SharedSecrets.load(database.records(), files.secret(DataFolder.Secret.RESEARCHER_TOKEN), renewToken,
                    f -> ResearcherToken.loadOrCreate(f, renewToken));
            links = SharedSecrets.load(database.records(), files.secret(DataFolder.Secret.PARTICIPANT_KEYS), rotateLinkKey,
                    f -> ParticipantTokens.loadOrCreate(f, config.linkLifetime(), rotateLinkKey, clock));
        } catch (RuntimeException e) {
            database.close();   // the embedded database's file lock must not outlive a start that failed
            throw e;
        }
        this.metrics = new ServerMetrics();
        this.health = new ServerHealth(clock);
        Model model = model(config);
        HealthChecks.watch(health, database, model, metrics);
        // one process on an embedded database needs no leases and keeps its records in memory; nodes sharing one read it
        Optional<dev.chassis.store.Leases> leases = config.sharedDatabase() ? Optional.of(database.leases()) : Optional.empty();
        Studies studies = new Studies(database.records(), leases.isPresent());
        this.studies = studies;
        SessionStore sessions = new SessionStore(database.records(), leases.isPresent(), id -> leases.map(l -> l.holder(id).isPresent()).orElse(false));
        Path ledgerFolder = config.ledger().orElse(files.root().resolve("ledger"));
        this.ledger = new ServerLedger(ledgerFolder, l -> harness(config, model, database.sessionJournal(), metrics).ledger(l).build(),
                () -> replayHarness(config, model));
        // an engine a researcher names for a workflow run or a fork: the server's own for its name
        Function<String, Model> models = name -> name.equals(config.model()) ? model
                : ModelFactory.fromEnvironment().withOfflinePacing(config.offlinePacing()).create(name);
        this.runs = new Runs(files, model, studies, sessions, clock, Invitations.of(System.getenv(), this::url, links),
                metrics.workMeters(), engines, ledgerFolder, models);
        this.interviews = new Interviews(ledger::harness, studies, sessions, metrics, health, files,
                clock, runs::sessionCompleted, config.idleTimeout(), leases, config.nodeId(), config.leaseDuration());
        List<Path> studyRoots = new ArrayList<>(List.of(files.root()));
        config.examples().filter(Files::isDirectory).map(ChassisServer::real).ifPresent(studyRoots::add);
        Access access = new Access(token, links, config.participantPerMinute(), config.failedAuthPerMinute(), config.maxBodyBytes());
        this.warmUps = new WarmUps(studies, config.examples(), ledger, interviews);
        StudyRoutes studyRoutes = new StudyRoutes(studies, sessions, links, config.examples(), clock, config.maxBodyBytes());
        this.app = Javalin.create(c -> {
            c.concurrency.useVirtualThreads = true;
            c.jetty.host = config.host();
            c.jetty.port = config.port();
            c.http.maxRequestSize = config.maxBodyBytes();
            c.router.ignoreTrailingSlashes = false;   // one spelling per route: /metrics/ is not /metrics
            c.startup.showJavalinBanner = false;
            c.jsonMapper(new JavalinJackson(dev.chassis.server.http.Json.MAPPER, true));
            c.staticFiles.enableWebjars();
            c.jetty.modifyServer(server -> server.setErrorHandler(new JettyErrors()));   // its own errors (414, 431, bad paths) as JSON
            c.jetty.modifyWebSocketServletFactory(f -> {
                f.setMaxTextMessageSize(16 * 1_024);
                f.setIdleTimeout(Duration.ofMinutes(10));
            });
            c.routes.before(access::check);
            c.routes.wsBeforeUpgrade(access::check);
            Errors.install(c.routes);
            c.routes.get("/health", ctx -> {
                ServerHealth.Report r = health.report();
                ctx.status(r.httpStatus()).json(withNode(HealthChecks.body(r, false)));
            });
            c.routes.get("/api/health", ctx -> ctx.json(withNode(HealthChecks.body(health.report(), true))));
            c.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape()));
            c.routes.get("/api/openapi.json", ctx -> ctx.contentType("application/json").result(resource("/openapi.json")));
            studyRoutes.register(c.routes);
            new SessionRoutes(sessions, studies, interviews, links).register(c.routes);
            new ReportRoutes(studies, files, links, clock).register(c.routes);
            new ParticipantRoutes(sessions, studies).register(c.routes);
            new RunRoutes(runs, studyRoots, links, config.maxBodyBytes(), config.model()).register(c.routes);
            new ForkRoutes(runs, config.maxBodyBytes()).register(c.routes);
            new ParticipantSocket(interviews, links, access).register(c.routes);
            new dev.chassis.server.live.PhoneSocket(interviews, links).register(c.routes);
            new LedgerRoutes(ledger, sessions, studies, interviews, config.maxBodyBytes()).register(c.routes);
            new SessionForkRoutes(ledger, sessions, studies, interviews, config.examples(), models, config.maxBodyBytes()).register(c.routes);
            Pages.register(c.routes);
        });
    }

    /**
     * Starts a server.
     *
     * @param renewToken make a new researcher token even if one exists (the old one stops working)
     * @throws dev.chassis.core.journal.JournalException when the database cannot be opened
     */
    public static ChassisServer start(ServerConfig config, boolean renewToken) {
        return start(config, renewToken, false);
    }

    /**
     * Starts a server.
     *
     * @param renewToken    make a new researcher token even if one exists (the old one stops working)
     * @param rotateLinkKey sign participant links with a new key from now on (links already sent keep working until they expire)
     * @throws dev.chassis.core.journal.JournalException when the database cannot be opened
     */
    public static ChassisServer start(ServerConfig config, boolean renewToken, boolean rotateLinkKey) {
        return start(config, renewToken, rotateLinkKey, WorkEngine.Factory.LOCAL);
    }

    /**
     * Starts a server whose research-operations runs have their steps on {@code engines} (this process, or Temporal).
     *
     * @param renewToken    make a new researcher token even if one exists (the old one stops working)
     * @param rotateLinkKey sign participant links with a new key from now on (links already sent keep working until they expire)
     */
    public static ChassisServer start(ServerConfig config, boolean renewToken, boolean rotateLinkKey, WorkEngine.Factory engines) {
        ChassisServer s = new ChassisServer(config, renewToken, rotateLinkKey, engines);
        try {
            s.app.start();
        } catch (RuntimeException e) {
            s.close();
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof java.net.BindException || t instanceof io.javalin.util.JavalinBindException) {
                    throw new IllegalStateException("port " + config.port() + " on " + config.host()
                            + " is in use; stop the program that uses it, or choose another port", e);
                }
            }
            throw e;
        }
        return s;
    }

    public static ChassisServer start(ServerConfig config) {
        return start(config, false);
    }

    /** The port it listens on (the chosen one when configured with 0). */
    public int port() {
        return app.port();
    }

    /** The console's address. */
    public URI url() {
        String host = config.host().equals("0.0.0.0") ? "127.0.0.1" : config.host();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port() + "/");
    }

    /** The researcher token, only when this start created it: show it once; it is not stored anywhere. */
    public Optional<String> newResearcherToken() {
        return token.createdNow();
    }

    /** A route the server answers: an HTTP method (WebSockets as {@code GET}, their upgrade) and a Javalin path such as {@code /api/runs/{run}}. */
    public record Route(String method, String path) {
    }

    /**
     * Every route registered with Javalin, HTTP and WebSocket, in registration order; filters
     * ({@code before}, {@code after}) are left out. Read from Javalin's own router so that it cannot drift
     * from what is served; the OpenAPI test compares it with the document.
     */
    public List<Route> routes() {
        List<Route> out = new ArrayList<>();
        app.unsafe.internalRouter.allHttpHandlers().stream().map(e -> e.endpoint).filter(e -> e.method.isHttpMethod())
                .forEach(e -> out.add(new Route(e.method.name(), e.path)));
        // a WebSocket's route is its upgrade request, a GET; only the connection handler names a route
        app.unsafe.internalRouter.allWsHandlers().stream().filter(w -> w.getType() == io.javalin.websocket.WsHandlerType.WEBSOCKET)
                .forEach(w -> out.add(new Route("GET", w.getPath())));
        return List.copyOf(out);
    }

    /** The server's health now, as {@code /health} reports it. */
    public ServerHealth.Report health() {
        return health.report();
    }

    /** The server's mistake ledger and the harness new interviews open on. */
    public ServerLedger ledger() {
        return ledger;
    }

    /** Interview sessions open now. */
    public int liveSessions() {
        return metrics.liveSessions();
    }

    /**
     * Runs the interview path once in the background ({@link dev.chassis.talk.TalkHarness#warmUp}) in each language the
     * studies are held in, or in the first example guide's when there is no study yet: the first participant of a fresh
     * process otherwise waits for the JVM's cold start, seconds of planning on the first turns that no deadline bridge
     * covers. Calls no model and saves nothing; a failure is logged and the first interview simply starts cold.
     *
     * @return the languages warmed, once done (empty when there was nothing to warm with or it failed)
     */
    public CompletableFuture<List<String>> warmUpInBackground() {
        return warmUps.interviewPath();
    }

    /**
     * Starts the speech engines and runs the voice path once in the background ({@link Interviews#warmUpVoice}): the first
     * voice turn and the first barge-in of the process otherwise wait on cold code (the first barge-in of a run took 637 ms
     * against 11-109 ms for the later ones). Makes no session and writes nothing; without speech engines it does nothing.
     *
     * @return whether the voice path ran through, once done
     */
    public CompletableFuture<Boolean> warmUpVoiceInBackground() {
        return warmUps.voicePath();
    }

    @Override
    public void close() {
        warmUps.awaitInterviewPath();
        try {
            app.stop();
        } finally {
            runs.close();
            interviews.close();
            metrics.close();
            database.close();
        }
    }

    /**
     * Stops this node as a crash would for the nodes sharing its database: the database is let go first (nothing more
     * is written), connections drop, and the sessions' leases are neither renewed nor given up, so they lapse and
     * another node takes the interviews over from their journals. For fail-over tests and drills; {@link #close} is the
     * orderly stop, which gives the leases up at once.
     */
    public void halt() {
        interviews.halt();   // first: nothing renews or releases a lease from here on
        database.close();
        try {
            app.stop();
            runs.close();
            interviews.close();   // what it would still write fails, as on a crash
        } catch (RuntimeException e) {
            // a halted node's parts fail without their database; nothing of it is used again
        } finally {
            metrics.close();
        }
    }

    /** The health body with this node's id and the number of sessions it holds (a load balancer or an operator reads both). */
    private Map<String, Object> withNode(Map<String, Object> body) {
        Map<String, Object> out = new java.util.LinkedHashMap<>(body);
        out.put("node", Map.of("id", interviews.node(), "leases", interviews.leases()));
        return out;
    }

    private static TalkHarness.Builder harness(ServerConfig config, Model model, Journal journal, ServerMetrics metrics) {
        OfflineModel fallback = OfflineModel.builder().pacing(Pacing.INSTANT).build();
        TalkHarness.Builder b = TalkHarness.builder().model(model).fallback(fallback).journal(journal).events(metrics)
                .firstTokenDeadline(config.firstTokenDeadline());
        config.monitorJudges().ifPresent(b::judgeWith);   // each question a talk.judge-asked event, counted in chassis_monitor_judge_total
        return b;
    }

    /** The server's harness for replays: the same engine (the offline one without pacing), nothing journaled or counted. */
    private static TalkHarness.Builder replayHarness(ServerConfig config, Model model) {
        OfflineModel fallback = OfflineModel.builder().pacing(Pacing.INSTANT).build();
        return TalkHarness.builder().model(config.model().equals("offline") ? fallback : model).fallback(fallback)
                .firstTokenDeadline(config.firstTokenDeadline());
    }

    private static Model model(ServerConfig config) {
        return ModelFactory.fromEnvironment().withOfflinePacing(config.offlinePacing()).create(config.model());
    }

    private static byte[] resource(String name) {
        try (InputStream in = ChassisServer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the server jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path real(Path dir) {
        try {
            return dir.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + dir + ": " + e.getMessage(), e);
        }
    }
}
