package dev.chassis.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The OpenAPI document the server serves and the routes Javalin has registered are the same set, method by method. */
class OpenApiTest {

    /** The console's own page and its static assets: part of the web UI, not of the API. */
    private static final Set<String> UNDOCUMENTED = Set.of("GET /", "GET /assets/{file}");

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    @Test
    void every_registered_route_is_documented_with_its_method_and_every_documented_route_exists(@TempDir Path dir) {
        try (TestServer s = TestServer.start(dir)) {
            Set<String> registered = new TreeSet<>();
            s.server.routes().forEach(r -> registered.add(r.method() + " " + r.path()));
            JsonNode doc = s.json("GET", "/api/openapi.json", null);
            Set<String> documented = new TreeSet<>();
            doc.path("paths").properties().forEach(p -> p.getValue().properties().stream().map(m -> m.getKey())
                    .filter(METHODS::contains).forEach(m -> documented.add(m.toUpperCase(java.util.Locale.ROOT) + " " + p.getKey())));

            assertThat(registered).as("the server's routes").contains("GET /api/runs/{run}", "POST /api/runs", "GET /ws/p/{token}");
            Set<String> served = new TreeSet<>(registered);
            served.removeAll(UNDOCUMENTED);
            assertThat(documented).as("documented in /api/openapi.json but not served").isSubsetOf(registered);
            assertThat(served).as("served but not documented in /api/openapi.json").isSubsetOf(documented);
        }
    }
}
