package dev.chassis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.chassis.testkit.jvm.ChildJvm;
import dev.chassis.testkit.server.Latency;
import dev.chassis.testkit.server.SimulatedModelServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OpenTelemetry on the wire: the {@code chassis} command in a child JVM with the standard {@code OTEL_*} variables
 * sends its spans over OTLP/HTTP to a collector on loopback (a real HTTP server decoding the protobuf messages),
 * and sends nothing and sets up nothing without them.
 */
class TelemetryTest {

    private static final Path REPO = Path.of(System.getProperty("chassis.repo.dir", "..")).toAbsolutePath().normalize();

    @TempDir
    Path dir;

    private HttpServer collector;
    private final List<Span> spans = new CopyOnWriteArrayList<>();
    private final List<String> services = new CopyOnWriteArrayList<>();

    @BeforeEach
    void collector() throws IOException {
        collector = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        collector.createContext("/v1/traces", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                ExportTraceServiceRequest request = ExportTraceServiceRequest.parseFrom(in.readAllBytes());
                for (ResourceSpans rs : request.getResourceSpansList()) {
                    rs.getResource().getAttributesList().stream().filter(a -> a.getKey().equals("service.name"))
                            .forEach(a -> services.add(a.getValue().getStringValue()));
                    for (ScopeSpans ss : rs.getScopeSpansList()) {
                        spans.addAll(ss.getSpansList());
                    }
                }
            }
            byte[] ok = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
            exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, ok.length);
            exchange.getResponseBody().write(ok);
            exchange.close();
        });
        collector.start();
    }

    @AfterEach
    void stop() {
        collector.stop(0);
    }

    private Map<String, String> otel() {
        return Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:" + collector.getAddress().getPort(),
                "OTEL_METRICS_EXPORTER", "none", "OTEL_BSP_SCHEDULE_DELAY", "100");
    }

    private int chassis(Map<String, String> env, String... args) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(ChildJvm.ofTestClassPath().command(List.of(), "dev.chassis.cli.Main", args)).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("out.txt").toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("OTEL_"));
        pb.environment().putAll(env);
        Process p = ChildJvm.start(pb);
        assertThat(p.waitFor(150, TimeUnit.SECONDS)).as("chassis %s finished", args[0]).isTrue();
        return p.exitValue();
    }

    private static Optional<String> attribute(Span s, String key) {
        return s.getAttributesList().stream().filter(a -> a.getKey().equals(key)).findFirst().map(TelemetryTest::text);
    }

    /** The span's parent among those received; empty for a root. */
    private Optional<Span> parent(Span s) {
        return spans.stream().filter(p -> !s.getParentSpanId().isEmpty() && p.getSpanId().equals(s.getParentSpanId())).findFirst();
    }

    private String parentName(Span s) {
        return parent(s).map(Span::getName).orElse("(none)");
    }

    private static String text(KeyValue kv) {
        var v = kv.getValue();
        return switch (v.getValueCase()) {
            case STRING_VALUE -> v.getStringValue();
            case INT_VALUE -> Long.toString(v.getIntValue());
            case DOUBLE_VALUE -> Double.toString(v.getDoubleValue());
            case BOOL_VALUE -> Boolean.toString(v.getBoolValue());
            default -> v.toString();
        };
    }

    @Test
    void an_interview_sends_its_session_turn_and_model_call_spans_with_the_genai_attributes() throws Exception {
        try (SimulatedModelServer model = SimulatedModelServer.builder().replies("What did you try first, and why?")
                .timeToFirstToken(Latency.fixed(Duration.ofMillis(5))).start()) {
            int code = chassis(otel(), "simulate", "--guide", REPO.resolve("examples/guides/onboarding-en.yaml").toString(),
                    "--persona", REPO.resolve("examples/personas/busy-manager.yaml").toString(), "--model", model.modelString(),
                    "--out", dir.resolve("sim").toString());
            assertThat(code).as(java.nio.file.Files.readString(dir.resolve("out.txt"))).isZero();
        }
        assertThat(services).contains("chassis");
        assertThat(spans).extracting(Span::getName).contains("talk.session", "talk.turn", "chat sim");
        Span chat = spans.stream().filter(s -> s.getName().equals("chat sim")).findFirst().orElseThrow();
        assertThat(chat.getKind()).isEqualTo(Span.SpanKind.SPAN_KIND_CLIENT);
        assertThat(attribute(chat, "gen_ai.operation.name")).contains("chat");
        assertThat(attribute(chat, "gen_ai.provider.name")).contains("openai-compatible");
        assertThat(attribute(chat, "gen_ai.request.model")).contains("sim");
        assertThat(attribute(chat, "gen_ai.usage.input_tokens").map(Long::parseLong)).hasValueSatisfying(n -> assertThat(n).isPositive());
        assertThat(attribute(chat, "gen_ai.usage.output_tokens").map(Long::parseLong)).hasValueSatisfying(n -> assertThat(n).isPositive());
        assertThat(attribute(chat, "chassis.time_to_first_token_ms")).isPresent();
        // one tree per interview: every model call under its turn, every turn under the session
        for (Span call : spans.stream().filter(s -> s.getName().equals("chat sim")).toList()) {
            assertThat(parentName(call)).isEqualTo("talk.turn");
            assertThat(parent(call).map(this::parentName)).contains("talk.session");
        }
        // each turn says how it went for the person: deadline missed or not, a bridge or not, which model, first words' time
        for (Span turn : spans.stream().filter(s -> s.getName().equals("talk.turn")).toList()) {
            assertThat(attribute(turn, "chassis.deadline.missed")).as("deadline missed").isPresent();
            assertThat(attribute(turn, "chassis.deadline.bridged")).as("bridged").isPresent();
            assertThat(attribute(turn, "chassis.reply.cut_off")).contains("false");
            assertThat(attribute(turn, "chassis.model")).isPresent();
        }
        assertThat(spans.stream().filter(s -> s.getName().equals("talk.turn"))).anySatisfy(t -> assertThat(attribute(t, "chassis.first_delivered_ms")).isPresent());
        // the monitors behind each answer run on their own threads, yet under the turn that dispatched them
        List<Span> monitors = spans.stream().filter(s -> s.getName().startsWith("monitor ")).toList();
        assertThat(monitors).isNotEmpty();
        for (Span monitor : monitors) {
            assertThat(parentName(monitor)).as(monitor.getName()).isEqualTo("talk.turn");
            assertThat(attribute(monitor, "chassis.monitor")).contains(monitor.getName().substring("monitor ".length()));
        }
    }

    @Test
    void a_run_on_a_model_sends_one_tree_run_step_attempt_model_call_and_gate() throws Exception {
        java.nio.file.Files.writeString(dir.resolve("hello.yaml"), """
                name: hello
                steps:
                  - id: greet
                    instruction: Greet the team in one line.
                    gates:
                      - {pattern: "password", reason: "no secrets in a greeting"}
                """);
        try (SimulatedModelServer model = SimulatedModelServer.builder().replies("Hello, team!")
                .timeToFirstToken(Latency.fixed(Duration.ofMillis(5))).start()) {
            int code = chassis(otel(), "run", dir.resolve("hello.yaml").toString(), "--model", model.modelString(), "--out", dir.resolve("runs").toString());
            assertThat(code).as(java.nio.file.Files.readString(dir.resolve("out.txt"))).isZero();
        }
        Span chat = spans.stream().filter(s -> s.getName().equals("chat sim")).findFirst().orElseThrow();
        Span call = parent(chat).orElseThrow();
        assertThat(call.getName()).startsWith("model ");
        assertThat(attribute(call, "chassis.cost_usd")).as("the call's cost by the price table").isPresent();
        Span attempt = parent(call).orElseThrow();
        assertThat(attempt.getName()).isEqualTo("work.attempt");
        assertThat(parentName(attempt)).isEqualTo("work.step greet");
        assertThat(parent(attempt).map(this::parentName)).contains("work.run hello");
        Span gate = spans.stream().filter(s -> s.getName().equals("gate pattern")).findFirst().orElseThrow();
        assertThat(parentName(gate)).isEqualTo("work.attempt");
        assertThat(attribute(gate, "chassis.gate.verdict")).contains("pass");
    }

    @Test
    void a_workflow_run_sends_its_run_and_step_spans() throws Exception {
        int code = chassis(otel(), "run", REPO.resolve("examples/workflows/recruit-brief/workflow.yaml").toString(), "--out", dir.resolve("runs").toString());
        assertThat(code).as(java.nio.file.Files.readString(dir.resolve("out.txt"))).isEqualTo(3);   // paused at its approval gate
        assertThat(spans).extracting(Span::getName).anyMatch(n -> n.startsWith("work.run ")).anyMatch(n -> n.startsWith("work.step "));
    }

    @Test
    void without_otel_variables_nothing_is_sent() throws Exception {
        int code = chassis(Map.of(), "run", REPO.resolve("examples/workflows/recruit-brief/workflow.yaml").toString(), "--out", dir.resolve("runs").toString());
        assertThat(code).isEqualTo(3);
        Thread.sleep(300);
        assertThat(spans).isEmpty();
        assertThat(Telemetry.wanted(Map.of())).isFalse();
        assertThat(Telemetry.wanted(Map.of("OTEL_TRACES_EXPORTER", "none"))).isFalse();
        assertThat(Telemetry.wanted(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://x:4318", "OTEL_SDK_DISABLED", "true"))).isFalse();
        assertThat(Telemetry.wanted(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://x:4318"))).isTrue();
    }
}
