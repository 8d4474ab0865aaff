package dev.chassis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chassis.core.input.StructuredReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * deploy/compose.yaml: Docker cannot run here, so this is what is checked of it: it parses, the server waits for a
 * healthy PostgreSQL, its image is the one the Jib profile builds, and its command is one the chassis command accepts.
 */
class DeployComposeTest {

    private static final Pattern DEFAULTED = Pattern.compile("\\$\\{[A-Z_]+:-([^}]*)}");

    private static Path repo() {
        return Path.of(System.getProperty("chassis.repo.dir", "..")).toAbsolutePath().normalize();
    }

    @Test
    void the_compose_file_runs_the_jib_image_of_chassis_serve_on_postgresql() throws Exception {
        JsonNode services = StructuredReader.yaml().tree(repo().resolve("deploy/compose.yaml")).path("services");
        List<String> names = new ArrayList<>();
        services.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactly("postgresql", "chassis");
        JsonNode chassis = services.path("chassis");
        assertThat(chassis.path("depends_on").path("postgresql").path("condition").asText()).isEqualTo("service_healthy");
        assertThat(chassis.path("image").asText()).isEqualTo("chassis:" + VersionProvider.version());
        assertThat(Files.readString(repo().resolve("chassis-cli/pom.xml"))).contains("<image>chassis:${project.version}</image>")
                .contains("<mainClass>dev.chassis.cli.Main</mainClass>");
        assertThat(chassis.path("ports").get(0).asText()).isEqualTo("7070:7070");

        List<String> args = new ArrayList<>();
        chassis.path("command").forEach(a -> args.add(defaults(a.asText())));
        CommandLine.ParseResult parsed = ChassisCommand.commandLine().parseArgs(args.toArray(String[]::new));
        CommandLine.ParseResult serve = parsed.subcommand();
        assertThat(serve.commandSpec().name()).isEqualTo("serve");
        assertThat(serve.matchedOptionValue("--db", "")).startsWith("jdbc:postgresql://postgresql:5432/chassis");
        assertThat(serve.matchedOptionValue("--host", "")).isEqualTo("0.0.0.0");
        assertThat(serve.matchedOptionValue("--data", Path.of("x"))).isEqualTo(Path.of("/data"));
    }

    /** What compose makes of {@code ${NAME:-default}} when NAME is not set. */
    private static String defaults(String s) {
        Matcher m = DEFAULTED.matcher(s);
        return m.replaceAll(r -> Matcher.quoteReplacement(r.group(1)));
    }
}
