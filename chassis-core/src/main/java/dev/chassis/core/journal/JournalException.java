package dev.chassis.core.journal;

/**
 * A journal could not write or read; the message names the journal and the stream. A fault of the store
 * underneath (a full disk, a read-only folder, a database that went away) is the subclass
 * {@link JournalUnavailableException}: worth retrying, unlike a wrong sequence number or an entry that
 * cannot be decoded.
 */
public class JournalException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public JournalException(String message, Throwable cause) {
        super(message, cause);
    }

    public JournalException(String message) {
        super(message);
    }
}
