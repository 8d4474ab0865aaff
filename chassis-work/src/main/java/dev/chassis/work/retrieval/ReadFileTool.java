package dev.chassis.work.retrieval;

import dev.chassis.core.tool.Tool;
import dev.chassis.core.tool.ToolCall;
import dev.chassis.core.tool.ToolResult;
import dev.chassis.core.tool.ToolSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code read_file(path)}: a text file under a root folder; paths outside it are refused. */
public final class ReadFileTool implements Tool {

    public static final String NAME = "read_file";
    private static final int MAX_CHARS = 50_000;
    private static final ToolSpec SPEC = ToolSpec.of(NAME, "Read a text file of the project, by its path relative to the project folder.",
            "{\"type\":\"object\",\"properties\":{\"path\":{\"type\":\"string\"}},\"required\":[\"path\"]}");

    private final Path root;

    public ReadFileTool(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public ToolSpec spec() {
        return SPEC;
    }

    @Override
    public ToolResult invoke(ToolCall call) throws IOException {
        String path = call.argumentsJson().map(j -> j.path("path").asText("")).orElse("");
        Path file = root.resolve(path).normalize();
        if (path.isBlank() || !file.startsWith(root)) {
            return new ToolResult.Refused("path must be inside " + root + ", was '" + path + "'");
        }
        if (!Files.isRegularFile(file)) {
            return new ToolResult.Failed("no file '" + path + "'", false);
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        return new ToolResult.Ok(text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) + "\n[truncated]" : text);
    }
}
