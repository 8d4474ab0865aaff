package dev.chassis.research.ops.schedule;

import java.util.Objects;

/**
 * One invitation as an email: to one participant, with the session's calendar invite attached.
 *
 * @param to        the participant's address
 * @param toName    their name, for the greeting and the address line
 * @param from      the researchers' address (the study's organizer)
 * @param subject   the subject line
 * @param text      the plain-text body, with the participant's link
 * @param ics       the calendar invite (RFC 5545), attached as {@code invite.ics} and as the calendar part
 * @param messageId the Message-ID, derived from study and session: the same invitation sent twice is one message
 *                  to mail clients that collapse duplicates
 */
public record InviteMail(String to, String toName, String from, String subject, String text, String ics, String messageId) {

    public InviteMail {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(toName, "toName");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(ics, "ics");
        Objects.requireNonNull(messageId, "messageId");
    }
}
