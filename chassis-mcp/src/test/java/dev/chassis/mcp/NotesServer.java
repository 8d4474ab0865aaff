package dev.chassis.mcp;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * A small MCP server written with the SDK, for the tests: a notebook file with add_note (changes it), count_notes
 * (read-only by its annotation) and locked (always an error). Run as its own process over stdio (main), or over
 * streamable HTTP in Jetty.
 */
public final class NotesServer {

    private NotesServer() {
    }

    /** Serves the notebook named by NOTES_FILE over stdin and stdout until killed. */
    public static void main(String[] args) throws InterruptedException {
        Path notes = Path.of(System.getenv("NOTES_FILE"));
        java.util.concurrent.CountDownLatch closed = new java.util.concurrent.CountDownLatch(1);
        java.io.InputStream in = new java.io.FilterInputStream(System.in) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n < 0) {
                    closed.countDown();
                }
                return n;
            }
        };
        McpServer.sync(new StdioServerTransportProvider(McpJsonDefaults.getMapper(), in, System.out)).serverInfo("notes", "1.0")
                .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build()).tools(tools(notes)).build();
        System.err.println("notes server up");
        closed.await(); // the client closed our stdin: it is done with us
        System.exit(0);
    }

    /** Serves {@code notes} over streamable HTTP on a free loopback port, at /mcp; stop the returned server. */
    static Server http(Path notes) throws Exception {
        HttpServletStreamableServerTransportProvider transport = HttpServletStreamableServerTransportProvider.builder().mcpEndpoint("/mcp").build();
        McpServer.sync(transport).serverInfo("notes", "1.0").capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
                .tools(tools(notes)).build();
        Server jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        jetty.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        ServletHolder holder = new ServletHolder(transport);
        holder.setAsyncSupported(true);
        context.addServlet(holder, "/*");
        jetty.setHandler(context);
        jetty.start();
        return jetty;
    }

    private static List<SyncToolSpecification> tools(Path notes) {
        var mapper = McpJsonDefaults.getMapper();
        SyncToolSpecification add = SyncToolSpecification.builder()
                .tool(McpSchema.Tool.builder().name("add_note").description("Adds a line to the notebook")
                        .inputSchema(mapper, "{\"type\":\"object\",\"properties\":{\"text\":{\"type\":\"string\"}},\"required\":[\"text\"]}").build())
                .callHandler((exchange, request) -> {
                    String key = request.meta() == null ? "" : String.valueOf(request.meta().get(McpConnection.IDEMPOTENCY_KEY));
                    append(notes, request.arguments().get("text") + " [" + key + "]");
                    return McpSchema.CallToolResult.builder().addTextContent("noted; " + lines(notes).size() + " notes").build();
                }).build();
        SyncToolSpecification count = SyncToolSpecification.builder()
                .tool(McpSchema.Tool.builder().name("count_notes").description("How many notes there are")
                        .inputSchema(mapper, "{\"type\":\"object\",\"properties\":{}}")
                        .annotations(new McpSchema.ToolAnnotations("Count", true, false, true, false, null)).build())
                .callHandler((exchange, request) -> McpSchema.CallToolResult.builder().addTextContent(lines(notes).size() + " notes").build())
                .build();
        SyncToolSpecification locked = SyncToolSpecification.builder()
                .tool(McpSchema.Tool.builder().name("locked").description("Always fails").inputSchema(mapper, "{\"type\":\"object\"}").build())
                .callHandler((exchange, request) -> McpSchema.CallToolResult.builder().addTextContent("the notebook is locked").isError(true).build())
                .build();
        return List.of(add, count, locked);
    }

    private static synchronized void append(Path notes, String line) {
        try {
            Files.writeString(notes, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> lines(Path notes) {
        try {
            return Files.exists(notes) ? Files.readAllLines(notes) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
