package dev.chassis.store;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import org.h2.mvstore.MVStoreException;

/**
 * Tells a fault of the storage (a full disk, a read-only folder, a database gone away) from other
 * failures, and names it in plain words. Used by {@link JdbcJournal} for its database and by
 * applications for the files they write beside it.
 */
public final class StoreFaults {

    private StoreFaults() {
    }

    /**
     * A well-known storage fault behind {@code e}, in plain words: {@code "the disk is full"}, read-only,
     * permission denied, a database that cannot be reached; empty for anything else.
     *
     * @param inFolder whether the store is a folder on this machine (files, embedded H2) rather than a database server
     */
    public static Optional<String> known(Throwable e, boolean inFolder) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String text = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            String state = state(t);
            if (text.contains("no space left on device") || text.contains("disk full") || state.equals("53100")) {
                return Optional.of("the disk is full");
            }
            if (text.contains("read-only file system") || text.contains("database is read only") || state.equals("90097")
                    || state.equals("25006")) {
                return Optional.of(inFolder ? "the data folder is read-only" : "the database is read-only");
            }
            if (text.contains("permission denied") || t instanceof AccessDeniedException) {
                return Optional.of(inFolder ? "the data folder cannot be written (permission denied)"
                        : "the database refused the write (permission denied)");
            }
            if (state.startsWith("08") || text.contains("connection refused") || text.contains("connection reset")) {
                return Optional.of("the database cannot be reached");
            }
        }
        return Optional.empty();
    }

    /**
     * Whether {@code e} comes from the storage (an I/O or database error) rather than from a statement the
     * database refused (bad data, a duplicate key, a syntax error) or from a bug.
     */
    public static boolean fromStorage(Throwable e) {
        boolean storage = false;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String state = state(t);
            if (state.startsWith("22") || state.startsWith("23") || state.startsWith("42")) {
                return known(e, true).isPresent();
            }
            storage |= t instanceof SQLException || t instanceof IOException || t instanceof MVStoreException;
        }
        return storage;
    }

    private static String state(Throwable t) {
        return t instanceof SQLException s && s.getSQLState() != null ? s.getSQLState() : "";
    }
}
