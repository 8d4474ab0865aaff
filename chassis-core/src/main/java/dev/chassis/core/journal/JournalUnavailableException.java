package dev.chassis.core.journal;

/**
 * The journal's store cannot take writes (or serve reads) right now: the disk is full, its folder is
 * read-only, the database went away. Nothing in the failed call was acknowledged; the same call may be
 * retried, and succeeds once the store has recovered (a store that raises this watches for its
 * recovery itself, as {@code JdbcJournal} does). {@link #reason()} says the cause in plain words.
 */
public final class JournalUnavailableException extends JournalException {

    private static final long serialVersionUID = 1L;

    private final String reason;

    /**
     * @param message what could not be done and why, for logs
     * @param reason  the cause in plain words, for people ({@code "the disk is full"})
     */
    public JournalUnavailableException(String message, String reason, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    /** The cause in plain words, such as {@code "the disk is full"}. */
    public String reason() {
        return reason;
    }
}
