package dev.chassis.cli;

import dev.chassis.server.ChassisServer;
import dev.chassis.research.interview.StudyLedger;
import dev.chassis.server.ServerConfig;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code chassis serve}: the HTTP and WebSocket server with the researcher console and participant pages. */
@Command(name = "serve",
        mixinStandardHelpOptions = true,
        description = {"Serve the researcher console, participant interview pages and the API.", "",
                "Create a study from a guide in the console, make a participant link, open it in another browser "
                        + "and watch the interview live. On the first start a researcher token is created and printed once; "
                        + "only its hash is stored (in the data folder, readable by you only).",
                "",
                "Sessions are journaled in embedded H2 in the data folder, or in the database given with --db, and "
                        + "resume after a restart.",
                "",
                "Several servers can share one PostgreSQL database (--db) behind a load balancer: each answers a session while "
                        + "it holds its lease (--node-id, --lease), and when a server dies its participants reconnect through any "
                        + "other, which continues their sessions from the journal (docs/SCALING.md)."},
        footer = {"", "Examples:", "  chassis serve", "  chassis serve --port 8080 --data /var/lib/chassis --idle-timeout 45m",
                "  chassis serve --db 'jdbc:postgresql://127.0.0.1:5432/chassis?user=chassis&password=...'",
                "  chassis serve --db 'jdbc:postgresql://db.internal/chassis?user=chassis' --node-id web-2 --lease 15s   (one of several nodes)",
                "  chassis serve --host 0.0.0.0 --model openai:gpt-4.1-mini   (reachable from other machines)"})
final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--port", defaultValue = "7070", description = "Port to listen on (default ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to bind (default ${DEFAULT-VALUE}: this machine only).")
    String host;

    @Option(names = "--db", paramLabel = "<jdbc-url>", description = "Journal database (PostgreSQL or H2 JDBC URL); default: embedded H2 in the data folder.")
    String db;

    @Option(names = "--data", defaultValue = ".chassis", paramLabel = "<dir>",
            description = "Folder for the token hash, link key, studies, sessions and runs (default ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--idle-timeout", defaultValue = "30m", paramLabel = "<duration>", converter = IdleTimeout.class,
            description = "Close a live interview after this long without participant activity (default ${DEFAULT-VALUE}; "
                    + "e.g. 90s, 45m, 2h). Its journal keeps it: the same link resumes it.")
    Duration idleTimeout;

    @Option(names = "--new-token", description = "Make a new researcher token (the old one stops working) and print it.")
    boolean newToken;

    @Option(names = "--link-lifetime", defaultValue = "14d", paramLabel = "<duration>", converter = LinkLifetime.class,
            description = "How long a participant link stays valid after it is made (default ${DEFAULT-VALUE}; e.g. 72h, 30d).")
    Duration linkLifetime;

    @Option(names = "--rotate-link-key", description = "Sign participant links with a new key from now on; links already sent keep "
            + "working until they expire, then the old key is dropped.")
    boolean rotateLinkKey;

    @Option(names = "--ledger", paramLabel = "<dir>",
            description = {"The server's mistake ledger, a folder of incident files: its fixes apply to every new interview and "
                    + "study run, and incidents recorded in the console are written there (default: ledger/ in the data folder)."})
    Path ledger;

    @Option(names = "--node-id", paramLabel = "<name>",
            description = "This server's name among the servers sharing its database (letters, digits, '.', '_', '-'): the owner of the "
                    + "sessions it answers, shown in /health (default: this machine's name and a hash of the data folder, so a restarted server "
                    + "takes its own sessions back at once). Give each node its own.")
    String nodeId;

    @Option(names = "--lease", defaultValue = "15s", paramLabel = "<duration>", converter = IdleTimeout.class,
            description = "How long this server's hold on a session lasts without renewal (renewed every third of it; default "
                    + "${DEFAULT-VALUE}, 1s to 10m): how soon another node takes over the sessions of a server that died.")
    Duration lease;

    @Option(names = "--exit-after-start", hidden = true, description = "Start, print, and stop (for tests).")
    boolean exitAfterStart;

    @Mixin
    ModelOption model;

    @Mixin
    EngineOptions engine;

    @Mixin
    MonitorJudgeOption judges = new MonitorJudgeOption();

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter o = spec.commandLine().getOut();
        ServerConfig config = ServerConfig.defaults(data).withHost(host).withPort(port).withDatabaseUrl(db).withModel(model.model)
                .withExamples(examples()).withIdleTimeout(idleTimeout).withLinkLifetime(linkLifetime).withLeaseDuration(lease);
        config = judges.create().map(config::withMonitorJudges).orElse(config);
        if (nodeId != null) {
            config = config.withNodeId(nodeId);
        }
        if (ledger != null) {
            config = config.withLedger(StudyLedger.load(ledger, "", "--ledger").folder());
        }
        ChassisServer server = ChassisServer.start(config, newToken, rotateLinkKey, engine.forNewRun());
        server.warmUpInBackground();   // the first participant does not wait for the JVM's cold start
        server.warmUpVoiceInBackground();   // nor the first spoken turn or barge-in (when the speech engines are installed)
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "chassis-serve-shutdown"));
        o.println("Chassis server: " + server.url());
        server.newResearcherToken().ifPresentOrElse(token -> {
            o.println("Console:  " + server.url() + "#token=" + token);
            o.println("Token:    " + token);
            o.println("          The researcher token is shown this once; only its hash is kept in " + data.resolve("researcher-token.sha256") + ".");
            o.println("          Lost it? Restart with --new-token.");
        }, () -> {
            o.println("Console:  " + server.url() + "  (sign in with the researcher token printed on the first start;");
            o.println("          lost it? restart with --new-token)");
        });
        o.println("Data:     " + data.toAbsolutePath().normalize() + " · journal " + (db == null ? "embedded H2" : redact(db))
                + " · engine " + model.model + (engine.engine == EngineOptions.Engine.temporal ? " · runs on Temporal at " + engine.target() : ""));
        o.println("Monitors: " + (judges.model == null ? "lexical (no --monitor-model)" : "lexical, and " + String.join(", ", judges.kinds)
                + " also ask " + judges.model + " beside each turn (outcomes in /metrics: chassis_monitor_judge_total)"));
        o.println("Node:     " + config.nodeId() + " · holds a session's lease for " + lease.toSeconds() + " s at a time");
        o.println("Ledger:   " + StudyLedger.describe(server.ledger().ledger(), "talk"));
        o.println("Press Ctrl+C to stop.");
        o.flush();
        if (exitAfterStart) {
            server.close();
            return 0;
        }
        stopped.await();
        return 0;
    }

    /** The examples folder of the Chassis checkout, when there is one: the console offers its guides. */
    private static Path examples() {
        Path dir = Locations.home().resolve("examples");
        return Files.isDirectory(dir.resolve("guides")) ? dir : null;
    }

    /** A duration as {@code 90s}, {@code 45m}, {@code 2h} or ISO-8601 ({@code PT30M}); positive. */
    static final class IdleTimeout implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            Matcher m = Pattern.compile("(\\d{1,9})(ms|s|m|h)").matcher(value.strip());
            Duration d;
            if (m.matches()) {
                long n = Long.parseLong(m.group(1));
                d = switch (m.group(2)) {
                    case "ms" -> Duration.ofMillis(n);
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    default -> Duration.ofHours(n);
                };
            } else {
                try {
                    d = Duration.parse(value.strip());
                } catch (DateTimeParseException e) {
                    throw new TypeConversionException("'" + value + "' is not a duration; write it as 90s, 45m, 2h or PT30M");
                }
            }
            if (d.isZero() || d.isNegative()) {
                throw new TypeConversionException("the idle timeout must be positive, was '" + value + "'");
            }
            return d;
        }
    }

    /** A link lifetime as {@code 72h}, {@code 30d} or any idle-timeout form; at least a minute. */
    static final class LinkLifetime implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            Matcher m = Pattern.compile("(\\d{1,5})d").matcher(value.strip());
            return m.matches() ? Duration.ofDays(Long.parseLong(m.group(1))) : new IdleTimeout().convert(value);
        }
    }

    /** A JDBC URL without its query (where user and password usually are). */
    static String redact(String url) {
        int q = url.indexOf('?');
        int semi = url.indexOf(';');
        int cut = q < 0 ? semi : semi < 0 ? q : Math.min(q, semi);
        return cut < 0 ? url : url.substring(0, cut) + " (parameters hidden)";
    }
}
