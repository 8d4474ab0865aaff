package dev.chassis.core.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Small documents an application keeps beside its journals (a server's studies and session records),
 * by kind and id, each written whole. In the journal's database ({@code JdbcJournal.records()} in
 * chassis-store) or as files. Implementations are thread-safe; a write is durable when it returns.
 */
public interface Records {

    /** Writes (or replaces) one document. */
    void put(String kind, String id, String body);

    /** Every document of one kind, by id. */
    Map<String, String> all(String kind);

    /** One document, when there is one. */
    default Optional<String> get(String kind, String id) {
        return Optional.ofNullable(all(kind).get(id));
    }

    /**
     * Writes the document unless there is one already, and returns the one kept: where several processes share the
     * records, the first to write wins and the others read what it wrote. This default is not atomic across processes.
     */
    default String putIfAbsent(String kind, String id, String body) {
        Optional<String> there = get(kind, id);
        if (there.isPresent()) {
            return there.get();
        }
        put(kind, id, body);
        return body;
    }

    /** Records as files {@code <root>/<kind>/<id>}, each written to a temporary file and moved into place. */
    static Records files(Path root) {
        Pattern safe = Pattern.compile("[A-Za-z0-9._-]{1,200}");
        return new Records() {
            @Override
            public void put(String kind, String id, String body) {
                if (!safe.matcher(kind).matches() || !safe.matcher(id).matches() || id.startsWith(".")) {
                    throw new IllegalArgumentException("record kind and id must be letters, digits, '.', '_' or '-': " + kind + "/" + id);
                }
                try {
                    Path dir = Files.createDirectories(root.resolve(kind));
                    Path tmp = Files.createTempFile(dir, id, ".tmp");
                    Files.writeString(tmp, body, StandardCharsets.UTF_8);
                    try {
                        Files.move(tmp, dir.resolve(id), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                    } catch (AtomicMoveNotSupportedException e) {
                        Files.move(tmp, dir.resolve(id), StandardCopyOption.REPLACE_EXISTING);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write record " + kind + "/" + id + " in " + root + ": " + e.getMessage(), e);
                }
            }

            @Override
            public Map<String, String> all(String kind) {
                Map<String, String> out = new LinkedHashMap<>();
                Path dir = root.resolve(kind);
                if (!Files.isDirectory(dir)) {
                    return out;
                }
                try (Stream<Path> files = Files.list(dir)) {
                    for (Path f : files.filter(p -> !p.getFileName().toString().endsWith(".tmp")).sorted().toList()) {
                        out.put(f.getFileName().toString(), Files.readString(f, StandardCharsets.UTF_8));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read records " + kind + " in " + root + ": " + e.getMessage(), e);
                }
                return out;
            }
        };
    }
}
