package dev.chassis.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chassis.core.tool.Tool;
import dev.chassis.core.tool.ToolCall;
import dev.chassis.core.tool.ToolResult;
import dev.chassis.core.tool.ToolSpec;
import dev.chassis.work.servers.ToolServer;
import dev.chassis.work.servers.ToolServerException;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One open MCP server: an initialised client and the server's tools as Chassis tools. Closed by {@link McpToolServers}. */
final class McpConnection {

    /** Where a side-effecting call's idempotency key travels, so a server that honours it can drop a repeat after a crash. */
    static final String IDEMPOTENCY_KEY = "dev.chassis/idempotency-key";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");
    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9_-]");

    private final McpSyncClient client;
    private final List<Tool> tools;

    private McpConnection(McpSyncClient client, List<Tool> tools) {
        this.client = client;
        this.tools = List.copyOf(tools);
    }

    static McpConnection open(ToolServer server, Map<String, String> environment) {
        Deque<String> stderr = new ArrayDeque<>();
        if (server.url().isEmpty() && !Programs.exists(server.command().getFirst())) {
            throw new ToolServerException("the MCP server '" + server.name() + "' (" + server.where() + ") could not be opened: there is no program "
                    + server.command().getFirst());
        }
        McpSyncClient client = McpClient.sync(transport(server, environment, stderr)).requestTimeout(server.timeout())
                .initializationTimeout(server.timeout()).clientInfo(new McpSchema.Implementation("chassis", "Chassis", "0.1.0")).build();
        try {
            client.initialize();
            List<McpSchema.Tool> listed = new ArrayList<>();
            String cursor = null;
            do {
                McpSchema.ListToolsResult page = client.listTools(cursor);
                listed.addAll(page.tools());
                cursor = page.nextCursor();
            } while (cursor != null);
            return new McpConnection(client, listed.stream().map(t -> adapt(server, client, t)).toList());
        } catch (RuntimeException e) {
            client.close();
            String said;
            synchronized (stderr) {
                said = stderr.isEmpty() ? "" : "; it said: " + String.join(" | ", stderr);
            }
            throw new ToolServerException("the MCP server '" + server.name() + "' (" + server.where() + ") could not be opened: "
                    + reason(e) + said, e);
        }
    }

    List<Tool> tools() {
        return tools;
    }

    void close() {
        client.close();
    }

    private static McpClientTransport transport(ToolServer server, Map<String, String> environment, Deque<String> stderr) {
        if (server.url().isPresent()) {
            URI uri = URI.create(server.url().get());
            Map<String, String> headers = resolve(server, server.headers(), environment, "headers");
            String base = uri.getScheme() + "://" + uri.getRawAuthority();
            String endpoint = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            return HttpClientStreamableHttpTransport.builder(base).endpoint(endpoint).connectTimeout(server.timeout())
                    .httpRequestCustomizer((request, method, target, body, context) -> headers.forEach(request::header)).build();
        }
        List<String> command = server.command();
        ServerParameters params = ServerParameters.builder(command.getFirst()).args(command.subList(1, command.size()))
                .env(resolve(server, server.env(), environment, "env")).build();
        StdioClientTransport stdio = new StdioClientTransport(params, McpJsonDefaults.getMapper());
        stdio.setStdErrorHandler(line -> {
            synchronized (stderr) { // the last lines, for a message if the server fails to start
                stderr.addLast(line);
                if (stderr.size() > 5) {
                    stderr.removeFirst();
                }
            }
        });
        return stdio;
    }

    /** {@code ${NAME}} in values from the environment, so secrets stay out of workflow files and journals. */
    private static Map<String, String> resolve(ToolServer server, Map<String, String> values, Map<String, String> environment, String field) {
        Map<String, String> out = new LinkedHashMap<>();
        values.forEach((key, value) -> {
            Matcher m = VARIABLE.matcher(value);
            StringBuilder b = new StringBuilder();
            while (m.find()) {
                String v = environment.get(m.group(1));
                if (v == null) {
                    throw new ToolServerException("the MCP server '" + server.name() + "' needs the environment variable " + m.group(1)
                            + " (in its " + field + "." + key + "), which is not set");
                }
                m.appendReplacement(b, Matcher.quoteReplacement(v));
            }
            m.appendTail(b);
            out.put(key, b.toString());
        });
        return out;
    }

    private static Tool adapt(ToolServer server, McpSyncClient client, McpSchema.Tool t) {
        String name = server.toolName(UNSAFE.matcher(t.name()).replaceAll("_"));
        boolean readOnly = server.readOnly().contains(t.name()) || t.annotations() != null && Boolean.TRUE.equals(t.annotations().readOnlyHint());
        String description = t.description() != null ? t.description() : t.title() != null ? t.title() : t.name();
        ToolSpec spec = new ToolSpec(name, description + " (from the MCP server " + server.name() + ")", schema(t), !readOnly);
        return Tool.of(spec, call -> call(server, client, t.name(), spec, call));
    }

    private static String schema(McpSchema.Tool t) {
        if (t.inputSchema() == null || t.inputSchema().isEmpty()) {
            return ToolSpec.NO_PARAMETERS;
        }
        try {
            return JSON.writeValueAsString(t.inputSchema());
        } catch (JsonProcessingException e) {
            return ToolSpec.NO_PARAMETERS;
        }
    }

    @SuppressWarnings("unchecked")
    private static ToolResult call(ToolServer server, McpSyncClient client, String tool, ToolSpec spec, ToolCall call) {
        Map<String, Object> arguments = call.argumentsJson().filter(n -> n.isObject()).map(n -> (Map<String, Object>) JSON.convertValue(n, Map.class))
                .orElse(null);
        if (arguments == null) {
            return new ToolResult.Refused("the arguments are not a JSON object");
        }
        Map<String, Object> meta = spec.sideEffecting() ? Map.of(IDEMPOTENCY_KEY, call.id()) : Map.of();
        McpSchema.CallToolResult result;
        try {
            result = client.callTool(new McpSchema.CallToolRequest(tool, arguments, meta));
        } catch (McpError e) {
            return new ToolResult.Failed("the MCP server '" + server.name() + "' refused the call: " + reason(e), false);
        } catch (RuntimeException e) {
            return new ToolResult.Failed("the MCP server '" + server.name() + "' did not answer: " + reason(e), true);
        }
        String text = text(result);
        return Boolean.TRUE.equals(result.isError()) ? new ToolResult.Failed(text, false) : new ToolResult.Ok(text);
    }

    private static String text(McpSchema.CallToolResult result) {
        List<String> parts = new ArrayList<>();
        for (McpSchema.Content c : result.content() == null ? List.<McpSchema.Content>of() : result.content()) {
            parts.add(c instanceof McpSchema.TextContent t ? t.text() : "[" + c.type() + " content]");
        }
        if (parts.isEmpty() && result.structuredContent() != null) {
            try {
                return JSON.writeValueAsString(result.structuredContent());
            } catch (JsonProcessingException e) {
                return String.valueOf(result.structuredContent());
            }
        }
        return String.join("\n", parts);
    }

    private static String reason(Throwable e) {
        Throwable root = McpError.findRootCause(e);
        String m = root.getMessage() != null ? root.getMessage() : e.getMessage();
        return m == null || m.isBlank() ? "no reason given" : m;
    }
}
