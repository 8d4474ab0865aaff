package dev.chassis.server;

import dev.chassis.models.offline.Pacing;
import dev.chassis.talk.judge.ModelJudges;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How a {@link ChassisServer} runs. Immutable; change a copy with the {@code withX} methods.
 *
 * <pre>{@code
 * ServerConfig config = ServerConfig.defaults(Path.of(".chassis")).withPort(0).withModel("offline");
 * }</pre>
 *
 * @param host               the address to bind (default {@code 127.0.0.1}: only this machine)
 * @param port               the port, {@code 0} for any free one
 * @param dataDir            where the server keeps its token hash, link key, studies, sessions and (by default) the database
 * @param databaseUrl        a JDBC URL for the session journal (PostgreSQL or H2); empty for embedded H2 in {@code dataDir}
 * @param model              the model string for interviews ({@code offline}, {@code openai:gpt-4.1-mini}, ...)
 * @param offlinePacing      first-token delay and per-token delay of the offline engine, so replies stream like a model's
 * @param examples           the examples folder ({@code guides/*.yaml} offered in the console, {@code <name>/study.yaml} runnable), if any
 * @param runsDir            where research-operations runs are kept
 * @param maxBodyBytes       the largest request body accepted
 * @param participantPerMinute requests (and WebSocket messages) a participant link may make per minute
 * @param firstTokenDeadline the talk harness's first-token deadline
 * @param failedAuthPerMinute failed authentications a client address may make per minute before it gets 429
 * @param idleTimeout        how long a live interview may go without participant activity (or a reply) before it is
 *                           closed and flushed to its journal; the same link resumes it (default 30 minutes)
 * @param linkLifetime       how long a participant link (a signed token) stays valid after it is made (default 14 days)
 * @param ledger             the server's mistake ledger (a folder of incident files): its fixes apply to every new
 *                           interview and study run, and incidents recorded in the console are written there
 * @param nodeId             this server's name among the nodes sharing its database: the owner of the sessions it answers,
 *                           shown in {@code /health} (default: this machine's name and a hash of the data folder, so that a
 *                           server restarted after a crash takes its own sessions back at once, and nodes in other folders
 *                           or on other machines differ)
 * @param leaseDuration      how long this node's hold on a session lasts without renewal (renewed every third of it):
 *                           how soon another node may take over the sessions of a node that died (default 15 s)
 * @param monitorJudges      the model the interviews' monitors (coverage, emotion, contradiction) also ask beside each turn,
 *                           within their budgets; empty: the lexical monitors alone (the default)
 */
public record ServerConfig(String host, int port, Path dataDir, Optional<String> databaseUrl, String model, Pacing offlinePacing,
                           Optional<Path> examples, Path runsDir, int maxBodyBytes, int participantPerMinute, Duration firstTokenDeadline, int failedAuthPerMinute,
                           Duration idleTimeout, Duration linkLifetime, Optional<Path> ledger, String nodeId, Duration leaseDuration,
                           Optional<ModelJudges> monitorJudges) {

    public ServerConfig {
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
        }
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(databaseUrl, "databaseUrl");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(offlinePacing, "offlinePacing");
        Objects.requireNonNull(examples, "examples");
        Objects.requireNonNull(runsDir, "runsDir");
        if (maxBodyBytes < 1_024) {
            throw new IllegalArgumentException("maxBodyBytes must be at least 1024, was " + maxBodyBytes);
        }
        if (participantPerMinute < 1) {
            throw new IllegalArgumentException("participantPerMinute must be positive, was " + participantPerMinute);
        }
        Objects.requireNonNull(firstTokenDeadline, "firstTokenDeadline");
        if (failedAuthPerMinute < 1) {
            throw new IllegalArgumentException("failedAuthPerMinute must be positive, was " + failedAuthPerMinute);
        }
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("idleTimeout must be positive, was " + idleTimeout);
        }
        Objects.requireNonNull(linkLifetime, "linkLifetime");
        if (linkLifetime.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new IllegalArgumentException("linkLifetime must be at least a minute, was " + linkLifetime);
        }
        Objects.requireNonNull(ledger, "ledger");
        Objects.requireNonNull(nodeId, "nodeId");
        if (!nodeId.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,99}")) {
            throw new IllegalArgumentException("the node id must be 1-100 letters, digits, '.', '_' or '-' (starting with a letter or digit), was '"
                    + nodeId.replaceAll("\\p{Cntrl}", "?") + "'");
        }
        Objects.requireNonNull(leaseDuration, "leaseDuration");
        if (leaseDuration.compareTo(Duration.ofSeconds(1)) < 0 || leaseDuration.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new IllegalArgumentException("the lease duration must be between 1 second and 10 minutes, was " + leaseDuration);
        }
        Objects.requireNonNull(monitorJudges, "monitorJudges");
    }

    /** Loopback on port 7070, embedded H2 in {@code dataDir}, the offline engine streaming at a reading pace, 30 minutes to idle. */
    public static ServerConfig defaults(Path dataDir) {
        return new ServerConfig("127.0.0.1", 7070, dataDir, Optional.empty(), "offline",
                Pacing.of(Duration.ofMillis(150), Duration.ofMillis(12)), Optional.empty(), dataDir.resolve("runs"),
                256 * 1_024, 120, Duration.ofMillis(800), 30, Duration.ofMinutes(30), Duration.ofDays(14), Optional.empty(), defaultNodeId(dataDir), Duration.ofSeconds(15),
                Optional.empty());
    }

    public ServerConfig withHost(String h) {
        return with(c -> c.host = h);
    }

    public ServerConfig withPort(int p) {
        return with(c -> c.port = p);
    }

    public ServerConfig withDatabaseUrl(String url) {
        return with(c -> c.databaseUrl = Optional.ofNullable(url));
    }

    public ServerConfig withModel(String m) {
        return with(c -> c.model = m);
    }

    public ServerConfig withOfflinePacing(Duration firstToken, Duration perToken) {
        return with(c -> c.offlinePacing = Pacing.of(firstToken, perToken));
    }

    public ServerConfig withExamples(Path dir) {
        return with(c -> c.examples = Optional.ofNullable(dir));
    }

    public ServerConfig withRunsDir(Path dir) {
        return with(c -> c.runsDir = dir);
    }

    public ServerConfig withMaxBodyBytes(int bytes) {
        return with(c -> c.maxBodyBytes = bytes);
    }

    public ServerConfig withParticipantPerMinute(int perMinute) {
        return with(c -> c.participantPerMinute = perMinute);
    }

    public ServerConfig withFailedAuthPerMinute(int perMinute) {
        return with(c -> c.failedAuthPerMinute = perMinute);
    }

    public ServerConfig withFirstTokenDeadline(Duration d) {
        return with(c -> c.firstTokenDeadline = d);
    }

    public ServerConfig withLinkLifetime(Duration d) {
        return with(c -> c.linkLifetime = d);
    }

    public ServerConfig withIdleTimeout(Duration d) {
        return with(c -> c.idleTimeout = d);
    }

    /** The server's mistake ledger folder, whose fixes every new interview and run keeps. */
    public ServerConfig withLedger(Path folder) {
        return with(c -> c.ledger = Optional.of(folder));
    }

    /** This machine's name (letters, digits, '.', '_', '-') and a hash of the data folder's absolute path. */
    static String defaultNodeId(Path dataDir) {
        return Host.NAME + "-" + Integer.toHexString(dataDir.toAbsolutePath().normalize().toString().hashCode());
    }

    /** This machine's name, looked up once (a look-up can take a while). */
    private static final class Host {
        static final String NAME = name();

        private static String name() {
            String host = System.getenv("HOSTNAME");
            if (host == null || host.isBlank()) {
                try {
                    host = java.net.InetAddress.getLocalHost().getHostName();
                } catch (java.io.IOException e) {
                    host = "node";
                }
            }
            String name = host.replaceAll("[^A-Za-z0-9._-]", "-").replaceAll("^[^A-Za-z0-9]+", "");
            return name.isEmpty() ? "node" : name.substring(0, Math.min(name.length(), 80));
        }
    }

    /**
     * Whether other server processes may use the same database: any database given by URL except an embedded H2 one (a
     * file or memory database only one process opens). Only then are session leases taken and records read through.
     */
    public boolean sharedDatabase() {
        return databaseUrl.filter(u -> !u.startsWith("jdbc:h2:") || u.startsWith("jdbc:h2:tcp:") || u.startsWith("jdbc:h2:ssl:")
                || u.toUpperCase(java.util.Locale.ROOT).contains("AUTO_SERVER=TRUE")).isPresent();
    }

    /** This node's name among the servers sharing its database. */
    public ServerConfig withNodeId(String id) {
        return with(c -> c.nodeId = id);
    }

    /** How long this node's hold on a session lasts without renewal. */
    public ServerConfig withLeaseDuration(Duration d) {
        return with(c -> c.leaseDuration = d);
    }

    /** Lets every new interview's monitors also ask this model beside each turn (model-backed monitors). */
    public ServerConfig withMonitorJudges(ModelJudges judges) {
        return with(c -> c.monitorJudges = Optional.of(judges));
    }

    /** A copy with {@code change} applied: the one place that lists every field, so each {@code withX} names only its own. */
    private ServerConfig with(java.util.function.Consumer<Copy> change) {
        Copy c = new Copy(this);
        change.accept(c);
        return c.build();
    }

    /** The fields of a config being copied; validated again when built. */
    private static final class Copy {
        String host;
        int port;
        Path dataDir;
        Optional<String> databaseUrl;
        String model;
        Pacing offlinePacing;
        Optional<Path> examples;
        Path runsDir;
        int maxBodyBytes;
        int participantPerMinute;
        Duration firstTokenDeadline;
        int failedAuthPerMinute;
        Duration idleTimeout;
        Duration linkLifetime;
        Optional<Path> ledger;
        String nodeId;
        Duration leaseDuration;
        Optional<ModelJudges> monitorJudges;

        Copy(ServerConfig from) {
            host = from.host;
            port = from.port;
            dataDir = from.dataDir;
            databaseUrl = from.databaseUrl;
            model = from.model;
            offlinePacing = from.offlinePacing;
            examples = from.examples;
            runsDir = from.runsDir;
            maxBodyBytes = from.maxBodyBytes;
            participantPerMinute = from.participantPerMinute;
            firstTokenDeadline = from.firstTokenDeadline;
            failedAuthPerMinute = from.failedAuthPerMinute;
            idleTimeout = from.idleTimeout;
            linkLifetime = from.linkLifetime;
            ledger = from.ledger;
            nodeId = from.nodeId;
            leaseDuration = from.leaseDuration;
            monitorJudges = from.monitorJudges;
        }

        ServerConfig build() {
            return new ServerConfig(host, port, dataDir, databaseUrl, model, offlinePacing, examples, runsDir, maxBodyBytes,
                    participantPerMinute, firstTokenDeadline, failedAuthPerMinute, idleTimeout, linkLifetime, ledger, nodeId, leaseDuration,
                    monitorJudges);
        }
    }
}
