package dev.chassis.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * Offers {@link ResearchOperations} to MCP clients over stdio: list_studies, run_study, list_runs, get_run and
 * get_report. A failed operation is a tool error in plain words, never a stack trace.
 */
public final class ResearchMcpServer {

    private static final String NO_ARGUMENTS = "{\"type\":\"object\",\"properties\":{}}";
    private static final String RUN_ARGUMENT = "{\"type\":\"object\",\"properties\":{\"run\":{\"type\":\"string\",\"description\":"
            + "\"a run id, as list_runs names it\"}},\"required\":[\"run\"]}";
    private static final String STUDY_ARGUMENTS = "{\"type\":\"object\",\"properties\":{\"study\":{\"type\":\"string\",\"description\":"
            + "\"a study id, as list_studies names it\"},\"seed\":{\"type\":\"integer\",\"description\":\"seed of the synthetic "
            + "participants (default 42)\"},\"model\":{\"type\":\"string\",\"description\":\"the engine, e.g. offline or "
            + "openai:gpt-4.1-mini (default: the server's)\"}},\"required\":[\"study\"]}";

    private ResearchMcpServer() {
    }

    /** Serves {@code ops} on {@code in} and {@code out} until the client closes {@code in}. */
    public static void serveStdio(ResearchOperations ops, InputStream in, OutputStream out, String version) throws InterruptedException {
        CountDownLatch closed = new CountDownLatch(1);
        InputStream watched = new FilterInputStream(in) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n < 0) {
                    closed.countDown();
                }
                return n;
            }
        };
        McpSyncServer server = McpServer.sync(new StdioServerTransportProvider(McpJsonDefaults.getMapper(), watched, out))
                .serverInfo("chassis-research", version).capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
                .instructions("Research operations of Chassis: list the studies, run one (synthetic participants unless sessions are "
                        + "live), list the runs and read a finished run's report.")
                .tools(tools(ops)).build();
        try {
            closed.await();
        } finally {
            server.closeGracefully();
        }
    }

    static List<SyncToolSpecification> tools(ResearchOperations ops) {
        McpJsonMapper mapper = McpJsonDefaults.getMapper();
        return List.of(
                tool(mapper, "list_studies", "The study files this server knows: id, title, number of sessions", NO_ARGUMENTS, true,
                        args -> json(ops.listStudies())),
                tool(mapper, "run_study", "Runs a study (recruit, schedule, conduct, quality, synthesis, report) until it is done or "
                        + "waits for people; returns the run", STUDY_ARGUMENTS, false, args -> json(ops.runStudy(string(args, "study").orElse(""),
                        args.get("seed") instanceof Number n ? n.longValue() : 42L, string(args, "model")))),
                tool(mapper, "list_runs", "Every run, newest first: id, status, when it started, its report or what it waits for",
                        NO_ARGUMENTS, true, args -> json(ops.listRuns())),
                tool(mapper, "get_run", "One run: status, study file, engine, seed, and whether its report is ready", RUN_ARGUMENT, true,
                        args -> json(ops.run(string(args, "run").orElse("")))),
                tool(mapper, "get_report", "A finished run's report (themes with verbatim quotes, quality flags), as Markdown", RUN_ARGUMENT,
                        true, args -> ops.report(string(args, "run").orElse(""))));
    }

    private interface Operation {
        String run(Map<String, Object> arguments) throws Exception;
    }

    private static SyncToolSpecification tool(McpJsonMapper mapper, String name, String description, String schema, boolean readOnly,
                                              Operation op) {
        McpSchema.Tool tool = McpSchema.Tool.builder().name(name).description(description).inputSchema(mapper, schema)
                .annotations(new McpSchema.ToolAnnotations(null, readOnly, false, readOnly, false, null)).build();
        return SyncToolSpecification.builder().tool(tool).callHandler((exchange, request) -> {
            try {
                String text = op.run(request.arguments() == null ? Map.of() : request.arguments());
                return McpSchema.CallToolResult.builder().addTextContent(text).build();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return error("interrupted");
            } catch (Exception e) {
                return error(e.getMessage() == null ? "the operation failed" : e.getMessage());
            }
        }).build();
    }

    private static McpSchema.CallToolResult error(String message) {
        return McpSchema.CallToolResult.builder().addTextContent(message).isError(true).build();
    }

    private static Optional<String> string(Map<String, Object> args, String name) {
        return args.get(name) instanceof String s ? Optional.of(s) : Optional.empty();
    }

    private static String json(JsonNode node) {
        return node.toPrettyString();
    }
}
