package dev.chassis.temporal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chassis.core.input.StructuredReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The compose file of docs/SCALING.md: Docker cannot run here, so this is all that is checked of it: it is YAML,
 * it has PostgreSQL, a Temporal server on the port the docs use and its UI, and what depends on something names a service.
 */
class ComposeFileTest {

    @Test
    void the_scaling_compose_file_parses_and_has_postgresql_and_temporal() {
        JsonNode compose = StructuredReader.yaml().tree(Testbed.repo().resolve("deploy/compose-scaling.yaml"));
        JsonNode services = compose.path("services");
        List<String> names = new ArrayList<>();
        services.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactly("postgresql", "temporal", "temporal-ui");
        assertThat(services.path("postgresql").path("image").asText()).startsWith("postgres:");
        assertThat(services.path("temporal").path("image").asText()).startsWith("temporalio/auto-setup:");
        assertThat(services.path("temporal").path("ports").get(0).asText()).isEqualTo("7233:7233");
        for (String name : names) {
            JsonNode deps = services.path(name).path("depends_on");
            List<String> needs = new ArrayList<>();
            if (deps.isArray()) {
                deps.forEach(d -> needs.add(d.asText()));
            } else {
                deps.fieldNames().forEachRemaining(needs::add);
            }
            assertThat(names).as("what %s depends on", name).containsAll(needs);
        }
    }
}
