package dev.chassis.work.yaml;

import dev.chassis.core.input.YamlLocator;
import dev.chassis.work.servers.ToolServer;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/** Reads a workflow's {@code mcp:} section: the tool servers its steps may use, each located on error. */
final class ServersYaml {

    private ServersYaml() {
    }

    static List<ToolServer> servers(Map<String, WorkflowFile.ServerFile> files, String source, String text) {
        List<ToolServer> out = new ArrayList<>();
        if (files == null) {
            return out;
        }
        files.forEach((name, f) -> out.add(server(name, f, "mcp." + name, source, text)));
        return out;
    }

    private static ToolServer server(String name, WorkflowFile.ServerFile f, String at, String source, String text) {
        if (f == null || (f.command() == null) == (f.url() == null)) {
            throw YamlLocator.error(source, text, at, "an MCP server needs exactly one of command (a program started here, e.g. "
                    + "[\"npx\", \"-y\", \"@modelcontextprotocol/server-filesystem\", \".\"]) or url (a streamable HTTP endpoint)");
        }
        ToolServer s;
        try {
            if (f.command() != null) {
                if (f.command().isEmpty() || f.command().stream().anyMatch(a -> a == null || a.isBlank())) {
                    throw YamlLocator.error(source, text, at + ".command", "the command is a program and its arguments, none of them empty");
                }
                s = ToolServer.command(name, f.command());
            } else {
                s = ToolServer.url(name, url(f.url(), at + ".url", source, text));
            }
        } catch (IllegalArgumentException e) {
            throw YamlLocator.error(source, text, at, e.getMessage());
        }
        if (f.headers() != null && f.command() != null) {
            throw YamlLocator.error(source, text, at + ".headers", "headers are for a server reached over HTTP (url:)");
        }
        if (f.env() != null && f.url() != null) {
            throw YamlLocator.error(source, text, at + ".env", "env is for a server started here (command:)");
        }
        s = s.withEnv(f.env() == null ? Map.of() : f.env()).withHeaders(f.headers() == null ? Map.of() : f.headers())
                .withReadOnly(f.readOnly() == null ? Set.of() : Set.copyOf(f.readOnly()));
        if (f.timeout() != null) {
            Duration t = WorkflowYaml.duration(f.timeout(), at + ".timeout", source, text);
            if (t.isZero()) {
                throw YamlLocator.error(source, text, at + ".timeout", "a timeout must be more than zero");
            }
            s = s.withTimeout(t);
        }
        return s;
    }

    private static String url(String url, String at, String source, String text) {
        try {
            URI u = new URI(url);
            if (!("http".equals(u.getScheme()) || "https".equals(u.getScheme())) || u.getHost() == null) {
                throw YamlLocator.error(source, text, at, "'" + url + "' is not an http or https URL, e.g. http://127.0.0.1:8931/mcp");
            }
            return url;
        } catch (URISyntaxException e) {
            throw YamlLocator.error(source, text, at, "'" + url + "' is not a URL: " + e.getReason());
        }
    }

    /**
     * The harness's tools and, for each declared server, any name under it ({@code notes__*}): what a server offers is
     * only known once it is opened, which the harness does (and checks the names) when a run starts.
     */
    static Set<String> known(Set<String> tools, List<ToolServer> servers) {
        if (servers.isEmpty()) {
            return tools;
        }
        return new AbstractSet<>() {
            @Override
            public boolean contains(Object o) {
                return tools.contains(o) || o instanceof String name && servers.stream().anyMatch(s -> s.offers(name));
            }

            @Override
            public Iterator<String> iterator() {
                return Stream.concat(tools.stream(), servers.stream().map(s -> s.toolName("*"))).iterator();
            }

            @Override
            public int size() {
                return tools.size() + servers.size();
            }

            @Override
            public String toString() {
                return String.join(", ", new TreeSet<>(this));
            }
        };
    }
}
