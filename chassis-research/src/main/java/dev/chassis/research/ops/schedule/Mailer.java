package dev.chassis.research.ops.schedule;

/**
 * Sends invitation emails. {@link SmtpMailer} sends over SMTP; a run without a mailer writes the invite files
 * only and says so. Implementations are thread-safe.
 */
public interface Mailer {

    /**
     * Sends one invitation.
     *
     * @throws MailException when it was not accepted: {@link MailException#permanent()} when sending it again
     *                       cannot help (the address is refused), otherwise a fault worth retrying
     */
    void send(InviteMail mail);

    /** Where mail goes, for messages ({@code smtp://mail.example.org:587}); never a password. */
    String describe();
}
