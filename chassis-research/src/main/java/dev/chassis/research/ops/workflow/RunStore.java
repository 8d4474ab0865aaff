package dev.chassis.research.ops.workflow;

import dev.chassis.core.input.InvalidInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The runs under one directory ({@code chassis-out/runs} by default): each run a folder named by its
 * id with a {@code run.json}. Thread-safe (the file system is the state).
 */
public record RunStore(Path root) {

    /** A new folder for {@code id}; fails if that run exists. */
    public RunFolder create(RunRecord record) {
        Path dir = root.resolve(record.id());
        if (Files.exists(dir.resolve("run.json"))) {
            throw new IllegalStateException("run " + record.id() + " already exists in " + root);
        }
        RunFolder folder = new RunFolder(dir);
        save(folder, record);
        return folder;
    }

    public void save(RunFolder folder, RunRecord record) {
        folder.writeJson("run.json", record);
    }

    /**
     * The run with this id.
     *
     * @throws InvalidInputException naming the known runs when there is none
     */
    public RunRecord find(String id) {
        Path file = root.resolve(id).resolve("run.json");
        if (!id.matches("[A-Za-z0-9._-]+") || !Files.isRegularFile(file)) {
            throw new InvalidInputException("run id", 0, "", "no run '" + id + "' in " + root + "; 'chassis runs' lists them");
        }
        return new RunFolder(root.resolve(id)).readJson("run.json", RunRecord.class).orElseThrow();
    }

    public RunFolder folder(String id) {
        return new RunFolder(root.resolve(id));
    }

    /** Every run, newest first. */
    public List<RunRecord> list() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("run.json")))
                    .map(d -> new RunFolder(d).readJson("run.json", RunRecord.class))
                    .flatMap(Optional::stream)
                    .sorted(Comparator.comparing(RunRecord::started).reversed().thenComparing(RunRecord::id))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list runs in " + root + ": " + e.getMessage(), e);
        }
    }
}
