package dev.chassis.work.servers;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A tool server a workflow declares: started as {@code command} (spoken to over its stdin and stdout) or reached at
 * {@code url} (streamable HTTP), never both. Its tools are known to steps as {@code <name>__<tool>}.
 *
 * @param name     letters, digits and single '-' or '_' (no "__", which separates the server from the tool)
 * @param command  the program and its arguments, for a server started here
 * @param env      variables for that program, beside the inherited ones
 * @param url      the endpoint of a server reached over HTTP
 * @param headers  HTTP headers sent with every request (an {@code Authorization} token, for example)
 * @param readOnly tools of this server that change nothing, beside those the server itself marks read-only; every
 *                 other tool is side-effecting: journaled with an idempotency key and never called twice on resume
 * @param timeout  how long one request may take
 */
public record ToolServer(String name, List<String> command, Map<String, String> env, Optional<String> url, Map<String, String> headers,
                         Set<String> readOnly, Duration timeout) {

    /** What joins a server's name to its tools' names. */
    public static final String SEPARATOR = "__";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9]+([_-][A-Za-z0-9]+)*");

    public ToolServer {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches() || name.length() > 30) {
            throw new IllegalArgumentException("a tool server's name is 1-30 letters and digits, with single '-' or '_' between them; was '"
                    + name + "'");
        }
        command = List.copyOf(command);
        env = Map.copyOf(env);
        Objects.requireNonNull(url, "url");
        headers = Map.copyOf(headers);
        readOnly = Set.copyOf(readOnly);
        Objects.requireNonNull(timeout, "timeout");
        if (command.isEmpty() == url.isEmpty()) {
            throw new IllegalArgumentException("tool server '" + name + "' needs exactly one of command (a program started here) or url "
                    + "(a server reached over HTTP)");
        }
    }

    /** A server started here as {@code command}. */
    public static ToolServer command(String name, List<String> command) {
        return new ToolServer(name, command, Map.of(), Optional.empty(), Map.of(), Set.of(), Duration.ofSeconds(60));
    }

    /** A server reached at {@code url}. */
    public static ToolServer url(String name, String url) {
        return new ToolServer(name, List.of(), Map.of(), Optional.of(url), Map.of(), Set.of(), Duration.ofSeconds(60));
    }

    public ToolServer withEnv(Map<String, String> more) {
        return new ToolServer(name, command, more, url, headers, readOnly, timeout);
    }

    public ToolServer withHeaders(Map<String, String> more) {
        return new ToolServer(name, command, env, url, more, readOnly, timeout);
    }

    public ToolServer withReadOnly(Set<String> tools) {
        return new ToolServer(name, command, env, url, headers, tools, timeout);
    }

    public ToolServer withTimeout(Duration t) {
        return new ToolServer(name, command, env, url, headers, readOnly, t);
    }

    /** The name steps know this server's {@code tool} by. */
    public String toolName(String tool) {
        return name + SEPARATOR + tool;
    }

    /** Whether {@code toolName} names a tool of this server. */
    public boolean offers(String toolName) {
        return toolName.startsWith(name + SEPARATOR) && toolName.length() > name.length() + SEPARATOR.length();
    }

    /** How the server is reached, for messages: its command line or its URL. */
    public String where() {
        return url.orElseGet(() -> String.join(" ", command));
    }
}
