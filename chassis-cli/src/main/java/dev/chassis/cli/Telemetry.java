package dev.chassis.cli;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * OpenTelemetry for the whole process, from the standard {@code OTEL_*} variables (or {@code otel.*} system
 * properties): off unless an exporter or endpoint is named, then the SDK is built by OpenTelemetry's own
 * autoconfiguration (OTLP over HTTP/protobuf by default; gRPC is not bundled) and installed as the global instance the harnesses and model
 * engines use. Set up once, first thing in {@code main}; the SDK flushes on exit through its shutdown hook.
 */
final class Telemetry {

    /** Any of these set means the user asked for telemetry. */
    private static final List<String> SIGNALS = List.of("OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT",
            "OTEL_TRACES_EXPORTER", "OTEL_METRICS_EXPORTER");

    private Telemetry() {
    }

    /** Installs the SDK when {@code env} or the system properties ask for it; says where spans go, or nothing. */
    static Optional<String> install(Map<String, String> env) {
        if (!wanted(env)) {
            return Optional.empty();
        }
        AutoConfiguredOpenTelemetrySdk.builder()
                // defaults a user's OTEL_* variables override: our name, OTLP over HTTP (the JDK's client sends it; gRPC
                // would need another HTTP stack), and no log export (we log through SLF4J)
                .addPropertiesSupplier(() -> Map.of("otel.service.name", "chassis", "otel.exporter.otlp.protocol", "http/protobuf",
                        "otel.logs.exporter", "none"))
                .setResultAsGlobal()
                .build();
        String where = first(env, "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "OTEL_EXPORTER_OTLP_ENDPOINT").orElse("the exporters OTEL_* names");
        return Optional.of(where);
    }

    static boolean wanted(Map<String, String> env) {
        if ("true".equalsIgnoreCase(value(env, "OTEL_SDK_DISABLED").orElse(""))) {
            return false;
        }
        return SIGNALS.stream().anyMatch(k -> value(env, k).filter(v -> !v.equalsIgnoreCase("none")).isPresent());
    }

    private static Optional<String> first(Map<String, String> env, String... keys) {
        for (String k : keys) {
            Optional<String> v = value(env, k);
            if (v.isPresent()) {
                return v;
            }
        }
        return Optional.empty();
    }

    /** {@code OTEL_FOO_BAR} from the environment, else {@code otel.foo.bar} from the system properties. */
    private static Optional<String> value(Map<String, String> env, String key) {
        String v = env.get(key);
        if (v == null || v.isBlank()) {
            v = System.getProperty(key.toLowerCase(java.util.Locale.ROOT).replace('_', '.'));
        }
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
    }

}
