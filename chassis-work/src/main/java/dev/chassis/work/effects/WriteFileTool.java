package dev.chassis.work.effects;

import dev.chassis.core.tool.Tool;
import dev.chassis.core.tool.ToolCall;
import dev.chassis.core.tool.ToolResult;
import dev.chassis.core.tool.ToolSpec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.regex.Pattern;

/**
 * {@code write_file(path, text)}: writes a text file into one folder (a run's files), by a relative path of
 * plain names; nothing a model names leaves the folder. Side-effecting: each call id (the idempotency key
 * the journal gives a call) is written once, recorded in {@code .writes.log} in the folder (synced), so a
 * resumed run that calls it again under the same id changes nothing. Files are written whole (a temporary
 * file moved into place). Thread-safe.
 */
public final class WriteFileTool implements Tool {

    public static final String NAME = "write_file";
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final int MAX_CHARS = 200_000;
    private static final String LOG = ".writes.log";
    private static final ToolSpec SPEC = new ToolSpec(NAME, "Write a text file into the run's files, by a relative path such as "
            + "drafts/invitation.md. Writing the same path again replaces it.",
            "{\"type\":\"object\",\"properties\":{\"path\":{\"type\":\"string\"},\"text\":{\"type\":\"string\"}},\"required\":[\"path\",\"text\"]}",
            true);

    private final Path folder;

    public WriteFileTool(Path folder) {
        this.folder = folder.toAbsolutePath().normalize();
    }

    @Override
    public ToolSpec spec() {
        return SPEC;
    }

    @Override
    public synchronized ToolResult invoke(ToolCall call) throws IOException {
        String path = call.argumentsJson().map(j -> j.path("path").asText("")).orElse("");
        String text = call.argumentsJson().map(j -> j.path("text").asText("")).orElse("");
        String[] parts = path.split("/", -1);
        if (parts.length > 4 || java.util.Arrays.stream(parts).anyMatch(p -> !SEGMENT.matcher(p).matches()) || path.equals(LOG)) {
            return new ToolResult.Refused("path must be up to four plain names joined by '/' (letters, digits, '.', '_', '-'; "
                    + "no '..'), for example drafts/invitation.md; was '" + path + "'");
        }
        if (text.length() > MAX_CHARS) {
            return new ToolResult.Refused("text is " + text.length() + " characters; at most " + MAX_CHARS + " are written");
        }
        Path file = folder.resolve(path).normalize();
        if (!file.startsWith(folder)) {
            return new ToolResult.Refused("path must stay inside the run's files, was '" + path + "'");
        }
        String result = "{\"written\":\"" + path + "\",\"characters\":" + text.length() + "}";
        if (written(call.id())) {
            return new ToolResult.Ok(result); // done before, under this key: not again
        }
        Files.createDirectories(file.getParent());
        Path tmp = Files.createTempFile(file.getParent(), ".write", ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
        record(call.id(), path);
        return new ToolResult.Ok(result);
    }

    private boolean written(String key) throws IOException {
        Path log = folder.resolve(LOG);
        return Files.isRegularFile(log) && Files.readAllLines(log, StandardCharsets.UTF_8).stream().anyMatch(l -> l.startsWith(key + " "));
    }

    private void record(String key, String path) throws IOException {
        try (FileChannel ch = FileChannel.open(folder.resolve(LOG), StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ch.write(ByteBuffer.wrap((key + " " + path + "\n").getBytes(StandardCharsets.UTF_8)));
            ch.force(false);
        }
    }
}
