package dev.chassis.mcp;

import dev.chassis.core.tool.Tool;
import dev.chassis.work.servers.ToolServer;
import dev.chassis.work.servers.ToolServers;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The MCP client side: each declared server is opened once (a process started and initialised, or an HTTP session),
 * its tools listed and offered as {@code <server>__<tool>}, until {@link #close}. Found by the work harness on the
 * class path, so a workflow's {@code mcp:} section works wherever this module is. Thread-safe.
 */
public final class McpToolServers implements ToolServers {

    private final Map<ToolServer, McpConnection> open = new ConcurrentHashMap<>();
    private final Map<String, String> environment;

    /** Resolves {@code ${NAME}} in a server's env and headers from the process's environment. */
    public McpToolServers() {
        this(System.getenv());
    }

    /** Resolves {@code ${NAME}} in a server's env and headers from {@code environment}. */
    public McpToolServers(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    @Override
    public List<Tool> tools(ToolServer server) {
        return open.computeIfAbsent(server, s -> McpConnection.open(s, environment)).tools();
    }

    @Override
    public void close() {
        open.values().forEach(McpConnection::close);
        open.clear();
    }
}
