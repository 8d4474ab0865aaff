package dev.chassis.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether a {@link JdbcJournal}'s database takes writes now, and since when. While it does not, every
 * append fails at once with a {@link dev.chassis.core.journal.JournalUnavailableException} naming
 * {@link #problem()}, and the journal tries to reopen the database every {@link JdbcJournal#PROBE_EVERY}.
 *
 * @param up      whether the last write (or the last probe) succeeded
 * @param problem why not, in plain words ({@code "the disk is full"}); empty when up
 * @param since   when it became what it is
 */
public record StoreHealth(boolean up, Optional<String> problem, Instant since) {

    public StoreHealth {
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(since, "since");
        if (up == problem.isPresent()) {
            throw new IllegalArgumentException(up ? "a store that is up has no problem" : "a store that is down needs a problem");
        }
    }

    static StoreHealth up(Instant since) {
        return new StoreHealth(true, Optional.empty(), since);
    }

    static StoreHealth down(String problem, Instant since) {
        return new StoreHealth(false, Optional.of(problem), since);
    }

    /** How long it has been as it is. */
    public Duration lasted(Instant now) {
        return Duration.between(since, now);
    }
}
