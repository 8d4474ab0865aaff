package dev.chassis.testkit.server;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A real HTTP server on loopback that speaks OpenAI's {@code POST /v1/chat/completions} (streaming
 * SSE and plain JSON, tool calls, usage) and {@code GET /v1/models}, with configurable time to first
 * token and token rate, and injected faults. Point any OpenAI client at {@link #baseUrl()}.
 *
 * <p>Deterministic by seed: latencies and fault draws come from one seeded generator per request
 * sequence number. Each request runs on its own virtual thread, so thousands of streams can be open
 * at once. Thread-safe; close it to stop.
 *
 * <pre>{@code
 * try (SimulatedModelServer server = SimulatedModelServer.builder()
 *         .timeToFirstToken(Latency.fixed(Duration.ofMillis(200)))
 *         .tokensPerSecond(80)
 *         .fault(Fault.RATE_LIMITED, 0.1)
 *         .start()) {
 *     Model m = ModelFactory.fromEnvironment().create("openai-compatible:" + server.baseUrl() + "#sim");
 * }
 * }</pre>
 */
public final class SimulatedModelServer implements AutoCloseable {

    static {
        // The JDK server delays small streamed writes (Nagle) unless told otherwise: 44 ms vs 1 ms a stream.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer http;
    private final ExecutorService executor;
    private final CompletionsHandler completions;

    private SimulatedModelServer(Builder b) throws IOException {
        this.executor = Executors.newVirtualThreadPerTaskExecutor();
        this.completions = new CompletionsHandler(b);
        this.http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), b.port), 4096);
        http.setExecutor(executor);
        http.createContext("/v1/chat/completions", completions);
        http.createContext("/v1/models", completions::models);
        http.start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The OpenAI base URL, for example {@code http://127.0.0.1:41234/v1}. */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + port() + "/v1");
    }

    /** The model string that points the OpenAI-compatible engine here. */
    public String modelString() {
        return "openai-compatible:" + baseUrl() + "#" + completions.modelName();
    }

    public int port() {
        return http.getAddress().getPort();
    }

    /** The requests received, in arrival order (the latest {@code keepRequests} of them). */
    public List<RecordedRequest> requests() {
        return completions.requests();
    }

    public ServerStats stats() {
        return completions.stats();
    }

    /** Stops accepting, wakes hanging requests and waits briefly for streams to end. */
    @Override
    public void close() {
        completions.close();
        http.stop(0);
        executor.shutdownNow();
    }

    /** Configures a server; each setter checks its input at once. Not thread-safe. */
    public static final class Builder {
        int port;
        long seed = 42;
        String modelName = "sim";
        Latency timeToFirstToken = Latency.fixed(Duration.ofMillis(50));
        Latency interToken = Latency.fixed(Duration.ofMillis(5));
        Duration retryAfter = Duration.ofSeconds(1);
        final Map<Fault, Double> faultRates = new EnumMap<>(Fault.class);
        final List<ScriptedReply> script = new CopyOnWriteArrayList<>();
        Function<RecordedRequest, ScriptedReply> fallback = r -> ScriptedReply.text("You said: " + r.lastUserText());
        int keepRequests = 10_000;
        boolean exactUsage = true;

        private Builder() {
        }

        /** The port to listen on; 0 (the default) picks a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0-65535, was " + port);
            }
            this.port = port;
            return this;
        }

        /** Seeds latency and fault draws (default 42). */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** The model name the server reports (default {@code sim}). */
        public Builder modelName(String name) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("model name must not be blank");
            }
            this.modelName = name;
            return this;
        }

        public Builder timeToFirstToken(Latency latency) {
            this.timeToFirstToken = Objects.requireNonNull(latency, "latency");
            return this;
        }

        /** Delay between tokens. */
        public Builder interTokenDelay(Latency latency) {
            this.interToken = Objects.requireNonNull(latency, "latency");
            return this;
        }

        /** A fixed token rate; same as an inter-token delay of 1/rate. */
        public Builder tokensPerSecond(double rate) {
            if (!(rate > 0)) {
                throw new IllegalArgumentException("tokens per second must be positive, was " + rate);
            }
            this.interToken = Latency.fixed(Duration.ofNanos((long) (1e9 / rate)));
            return this;
        }

        /** Injects {@code fault} into this share of requests (0..1); the shares of all faults must not exceed 1. */
        public Builder fault(Fault fault, double rate) {
            Objects.requireNonNull(fault, "fault");
            if (rate < 0 || rate > 1) {
                throw new IllegalArgumentException("fault rate must be between 0 and 1, was " + rate);
            }
            faultRates.put(fault, rate);
            double total = faultRates.values().stream().mapToDouble(Double::doubleValue).sum();
            if (total > 1 + 1e-9) {
                throw new IllegalArgumentException("fault rates add up to " + total + ", more than 1");
            }
            return this;
        }

        /** The Retry-After a 429 carries (default 1 s; whole seconds on the wire, rounded up). */
        public Builder retryAfter(Duration d) {
            if (d == null || d.isNegative()) {
                throw new IllegalArgumentException("retryAfter must be zero or positive");
            }
            this.retryAfter = d;
            return this;
        }

        /** Replies given in order, one per request; after them the fallback answers. */
        public Builder script(ScriptedReply... replies) {
            script.addAll(List.of(replies));
            return this;
        }

        /** Text replies given in order, one per request. */
        public Builder replies(String... texts) {
            for (String t : texts) {
                script.add(ScriptedReply.text(t));
            }
            return this;
        }

        /** What to answer once the script is used up; by default an echo of the last user message. */
        public Builder otherwise(Function<RecordedRequest, ScriptedReply> fallback) {
            this.fallback = Objects.requireNonNull(fallback, "fallback");
            return this;
        }

        /** How many of the latest requests {@link SimulatedModelServer#requests()} keeps (default 10,000); older ones are dropped. */
        public Builder keepRequests(int n) {
            if (n < 0) {
                throw new IllegalArgumentException("keepRequests must not be negative");
            }
            this.keepRequests = n;
            return this;
        }

        /**
         * Whether reported prompt usage is counted exactly with the cl100k tokenizer (the default) or
         * estimated from the length (about four characters a token), which load tests choose so the
         * server costs little next to what it measures.
         */
        public Builder exactUsage(boolean exact) {
            this.exactUsage = exact;
            return this;
        }

        /** Starts the server. */
        public SimulatedModelServer start() {
            try {
                return new SimulatedModelServer(this);
            } catch (IOException e) {
                throw new UncheckedIOException("could not start the simulated model server on port " + port, e);
            }
        }

        List<ScriptedReply> scriptCopy() {
            return new ArrayList<>(script);
        }
    }
}
