package dev.chassis.work;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chassis.core.tool.Tool;
import dev.chassis.core.tool.ToolResult;
import dev.chassis.core.tool.ToolSpec;
import dev.chassis.models.offline.OfflineModel;
import dev.chassis.models.offline.Pacing;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/** Tools and models shared by the work harness's tests. */
public final class WorkFixtures {

    static final ObjectMapper JSON = new ObjectMapper();

    private WorkFixtures() {
    }

    public static OfflineModel offline() {
        return OfflineModel.builder().pacing(Pacing.INSTANT).build();
    }

    public static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A side-effecting tool that adds to a counter in a file, exactly once per idempotency key (the
     * call id): the count and the keys applied are replaced together by an atomic rename.
     */
    public static Tool counter(Path file) {
        return Tool.of(new ToolSpec("bump_counter", "Add to the counter", "{\"type\":\"object\",\"properties\":{\"by\":{\"type\":\"integer\"}}}", true),
                call -> {
                    synchronized (WorkFixtures.class) {
                        Counter c = Counter.read(file);
                        if (!c.keys().contains(call.id())) {
                            int by = call.argumentsJson().map(j -> j.path("by").asInt(1)).orElse(1);
                            List<String> keys = new ArrayList<>(c.keys());
                            keys.add(call.id());
                            new Counter(c.count() + by, keys).write(file);
                        }
                        return new ToolResult.Ok("{\"count\":" + Counter.read(file).count() + "}");
                    }
                });
    }

    /** The counter file's content. */
    public record Counter(int count, List<String> keys) {
        public static Counter read(Path file) throws IOException {
            if (!Files.exists(file)) {
                return new Counter(0, List.of());
            }
            JsonNode n = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
            List<String> keys = new ArrayList<>();
            n.path("keys").forEach(k -> keys.add(k.asText()));
            return new Counter(n.path("count").asInt(), keys);
        }

        void write(Path file) throws IOException {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, JSON.writeValueAsString(this), StandardCharsets.UTF_8);
            try (var ch = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
