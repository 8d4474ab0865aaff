package dev.chassis.bench.model;

import dev.chassis.core.model.Generation;
import dev.chassis.core.model.Message;
import dev.chassis.core.model.Model;
import dev.chassis.core.model.Prompt;
import dev.chassis.core.time.Deadline;
import dev.chassis.models.ModelFactory;
import dev.chassis.testkit.server.Latency;
import dev.chassis.testkit.server.SimulatedModelServer;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time to first token through the LangChain4j bridge vs. a raw JDK {@link HttpClient} reading the
 * same SSE stream from the same {@link SimulatedModelServer}, in one run. Each operation sends one
 * streaming request and ends when the first content token has arrived (then the stream is closed),
 * so the difference is the bridge's overhead on the path that decides when a person hears a reply.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 10)
@Fork(value = 1, jvmArgsAppend = {"-Dsun.net.httpserver.nodelay=true", "--enable-native-access=ALL-UNNAMED"})
public class TimeToFirstTokenBenchmark {

    /** The server's own time to first token, added to both paths alike. */
    @Param({"0"})
    public int serverFirstTokenMillis;

    private SimulatedModelServer server;
    private Model bridge;
    private HttpClient raw;
    private HttpRequest rawRequest;
    private final Prompt prompt = Prompt.of(Message.system("Be brief."), Message.user("How was your first week with the product?"));

    @Setup(Level.Trial)
    public void start() {
        server = SimulatedModelServer.builder()
                .timeToFirstToken(Latency.fixed(Duration.ofMillis(serverFirstTokenMillis)))
                .interTokenDelay(Latency.none())
                .otherwise(r -> dev.chassis.testkit.server.ScriptedReply.text("It went well overall, thanks for asking."))
                .start();
        bridge = ModelFactory.withEnvironment(name -> null).create(server.modelString());
        raw = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String body = "{\"model\":\"sim\",\"stream\":true,\"messages\":[{\"role\":\"system\",\"content\":\"Be brief.\"},"
                + "{\"role\":\"user\",\"content\":\"How was your first week with the product?\"}]}";
        rawRequest = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/chat/completions"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    @TearDown(Level.Trial)
    public void stop() {
        server.close();
    }

    @Benchmark
    public String bridge() {
        CompletableFuture<String> first = new CompletableFuture<>();
        Generation g = bridge.stream(prompt, Deadline.in(Duration.ofSeconds(10)), first::complete);
        try {
            return first.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            g.cancel();
        }
    }

    @Benchmark
    public String rawHttpClient() throws Exception {
        HttpResponse<InputStream> response = raw.send(rawRequest, HttpResponse.BodyHandlers.ofInputStream());
        try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith("data: {") && line.contains("\"content\"")) {
                    return line;
                }
            }
        }
        throw new IllegalStateException("no token in the stream");
    }
}
