package dev.chassis.server.auth;

import dev.chassis.core.journal.Records;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/**
 * The server's secret files (the researcher token's hash, the participant-link keys) kept in its database too, so
 * that every server node sharing the database accepts the same researcher token and the same links. The database's
 * copy wins over a node's file; a file made before the database held one (a single server that grows a second node)
 * is copied in; when two nodes start on an empty database at once, the first to write keeps its secret and the other
 * takes it. A node that renews or rotates a secret writes it for all; the others read it when they next start.
 * Stateless.
 */
public final class SharedSecrets {

    private static final String KIND = "secret";

    private SharedSecrets() {
    }

    /**
     * Loads a secret with {@code loader} from {@code file} after bringing the file in line with the database, and
     * stores what the loader made or changed.
     *
     * @param replace the loader replaces the secret on purpose (a new token, a rotated key): the database's copy does not come first
     */
    public static <T> T load(Records records, Path file, boolean replace, Function<Path, T> loader) {
        String name = file.getFileName().toString();
        Optional<String> stored = records.get(KIND, name);
        if (stored.isPresent() && !replace && !stored.get().equals(read(file))) {
            Secrets.writeOwnerOnly(file, stored.get());
        }
        T secret = loader.apply(file);
        String mine = read(file);
        if (stored.isEmpty()) {
            String kept = records.putIfAbsent(KIND, name, mine);
            if (!kept.equals(mine)) {   // another node made it first: use that one
                Secrets.writeOwnerOnly(file, kept);
                return loader.apply(file);
            }
        } else if (!stored.get().equals(mine)) {
            records.put(KIND, name, mine);
        }
        return secret;
    }

    private static String read(Path file) {
        return Files.isRegularFile(file) ? Secrets.read(file) + "\n" : "";
    }
}
