package dev.chassis.server.http;

import dev.chassis.core.journal.JournalUnavailableException;
import dev.chassis.store.StoreFaults;
import java.util.Optional;

/** The storage fault behind a failure, in plain words ({@code "the disk is full"}), if it is one. */
public final class StorageProblem {

    private StorageProblem() {
    }

    public static Optional<String> of(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JournalUnavailableException u) {
                return Optional.of(u.reason());
            }
        }
        return StoreFaults.known(e, true);
    }
}
