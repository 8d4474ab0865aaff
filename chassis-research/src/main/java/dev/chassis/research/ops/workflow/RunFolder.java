package dev.chassis.research.ops.workflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.chassis.core.input.StructuredReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Where a run keeps what it produces, as files a person can open: {@code recruitment.json},
 * {@code schedule.json}, {@code invites/}, {@code transcripts/}, {@code quality.json},
 * {@code synthesis.json} and {@code report/}. Every write goes through a temporary file and an atomic
 * move, so a killed run never leaves half a file. Thread-safe (no state beyond the path).
 */
public record RunFolder(Path dir) {

    public Path invites() {
        return dir.resolve("invites");
    }

    public Path transcripts() {
        return dir.resolve("transcripts");
    }

    /** Where live sessions' transcripts arrive. */
    public Path inbox() {
        return dir.resolve("inbox");
    }

    public Path transcript(String session) {
        return transcripts().resolve(session + ".json");
    }

    public Path report() {
        return dir.resolve("report");
    }

    /** Writes {@code value} as pretty JSON to {@code name} inside the folder. */
    public Path writeJson(String name, Object value) {
        try {
            return write(dir.resolve(name), StructuredReader.json().mapper().writerWithDefaultPrettyPrinter().writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + name + " as JSON: " + e.getMessage(), e);
        }
    }

    /** Reads {@code name} as {@code type}, when it exists. */
    public <T> Optional<T> readJson(String name, Class<T> type) {
        Path file = dir.resolve(name);
        return Files.isRegularFile(file) ? Optional.of(StructuredReader.json().read(file, type)) : Optional.empty();
    }

    /** Writes text atomically, creating parent directories. */
    public static Path write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, content, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
