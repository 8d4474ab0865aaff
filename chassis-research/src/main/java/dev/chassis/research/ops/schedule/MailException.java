package dev.chassis.research.ops.schedule;

/** An invitation that was not accepted by the mail server, in plain words. */
public final class MailException extends RuntimeException {

    private final boolean permanent;

    public MailException(String message, boolean permanent, Throwable cause) {
        super(message, cause);
        this.permanent = permanent;
    }

    /** Whether sending it again cannot help (the server refused the address or the message). */
    public boolean permanent() {
        return permanent;
    }
}
