package dev.chassis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chassis.testkit.jvm.ChildJvm;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code chassis mcp} in its own process, driven by the MCP Java SDK's own client over stdio. */
class McpCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static Path repo() {
        return Path.of(System.getProperty("chassis.repo.dir", "..")).toAbsolutePath().normalize();
    }

    private McpSyncClient client(Path runs) {
        List<String> cmd = ChildJvm.ofTestClassPath().command(List.of("--enable-native-access=ALL-UNNAMED", "-DOPT_OUT_TRACKING=true"),
                "dev.chassis.cli.Main", "mcp", "--studies", repo().resolve("examples").toString(), "--out", runs.toString());
        ServerParameters server = ServerParameters.builder(cmd.getFirst()).args(cmd.subList(1, cmd.size())).build();
        McpSyncClient client = McpClient.sync(new StdioClientTransport(server, McpJsonDefaults.getMapper()))
                .requestTimeout(Duration.ofMinutes(3)).initializationTimeout(Duration.ofMinutes(3)).build();
        try {
            client.initialize();
        } catch (RuntimeException e) {
            client.close();   // the server process goes with it, not at the end of the test JVM
            throw e;
        }
        return client;
    }

    private static McpSchema.CallToolResult call(McpSyncClient client, String tool, Map<String, Object> args) {
        return client.callTool(new McpSchema.CallToolRequest(tool, args));
    }

    private static String text(McpSchema.CallToolResult r) {
        return ((McpSchema.TextContent) r.content().getFirst()).text();
    }

    @Test
    void a_client_lists_the_studies_runs_one_and_reads_its_report() throws Exception {
        Path runs = dir.resolve("runs");
        try (McpSyncClient client = client(runs)) {
            assertThat(client.getServerInfo().name()).isEqualTo("chassis-research");
            assertThat(client.listTools().tools()).extracting(McpSchema.Tool::name)
                    .containsExactlyInAnyOrder("list_studies", "run_study", "list_runs", "get_run", "get_report");

            JsonNode studies = JSON.readTree(text(call(client, "list_studies", Map.of())));
            assertThat(studies.path("studies").findValuesAsText("study")).contains("onboarding-2025");

            McpSchema.CallToolResult started = call(client, "run_study", Map.of("study", "onboarding-2025"));
            assertThat(started.isError()).as(text(started)).isNotEqualTo(Boolean.TRUE);
            JsonNode run = JSON.readTree(text(started));
            assertThat(run.path("status").asText()).isEqualTo("done");
            assertThat(run.path("report").asBoolean()).isTrue();
            String id = run.path("run").asText();
            assertThat(runs.resolve(id).resolve("report/report.md")).exists();

            assertThat(JSON.readTree(text(call(client, "list_runs", Map.of()))).path("runs").findValuesAsText("run")).containsExactly(id);
            String report = text(call(client, "get_report", Map.of("run", id)));
            assertThat(report).isEqualTo(java.nio.file.Files.readString(runs.resolve(id).resolve("report/report.md")));
        }
    }

    @Test
    void bad_names_are_tool_errors_in_plain_words_and_never_paths() throws Exception {
        try (McpSyncClient client = client(dir.resolve("runs"))) {
            McpSchema.CallToolResult traversal = call(client, "get_report", Map.of("run", "../../etc"));
            assertThat(traversal.isError()).isTrue();
            assertThat(text(traversal)).startsWith("'../../etc' is not a run id");
            McpSchema.CallToolResult none = call(client, "get_run", Map.of("run", "nope-1"));
            assertThat(text(none)).isEqualTo("no run 'nope-1'; list_runs names them");
            McpSchema.CallToolResult study = call(client, "run_study", Map.of("study", "nope"));
            assertThat(study.isError()).isTrue();
            assertThat(text(study)).startsWith("no study 'nope' in ");
        }
    }
}
