package dev.chassis.work.servers;

import dev.chassis.core.tool.Tool;
import java.util.List;

/**
 * Opens the tool servers workflows declare and hands their tools to the harness. An implementation keeps what it
 * opened (a started process, an HTTP session) until {@link #close}, so each server is opened once however many
 * runs use it. Thread-safe.
 *
 * <pre>{@code
 * try (ToolServers servers = new McpToolServers()) {           // chassis-mcp
 *     WorkHarness harness = WorkHarness.builder().model(model).toolServers(servers).build();
 *     harness.start(harness.load(Path.of("workflow.yaml")), input);
 * }
 * }</pre>
 */
public interface ToolServers extends AutoCloseable {

    /** None: a workflow that declares a server fails to start with a message saying what is missing. */
    ToolServers NONE = new ToolServers() {
        @Override
        public List<Tool> tools(ToolServer server) {
            throw new ToolServerException("the workflow uses the tool server '" + server.name() + "', but no tool server client is "
                    + "installed: add chassis-mcp to the class path (the chassis command has it)");
        }

        @Override
        public void close() {
        }
    };

    /**
     * The tools {@code server} offers, each named {@link ToolServer#toolName}, opening the server if it is not open.
     *
     * @throws ToolServerException when the server cannot be started or reached, in words a user can act on
     */
    List<Tool> tools(ToolServer server);

    /** Closes what was opened (stops started servers). */
    @Override
    void close();
}
