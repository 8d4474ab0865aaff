package dev.chassis.research.ops.schedule;

import jakarta.activation.DataHandler;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * Sends invitations over SMTP with Jakarta Mail (Eclipse Angus): a plain-text body with the participant's link,
 * the calendar invite as a {@code text/calendar; method=REQUEST} part (calendars offer to add it) and as an
 * {@code invite.ics} attachment. Thread-safe (a Jakarta Mail session is).
 */
public final class SmtpMailer implements Mailer {

    private final SmtpSettings settings;
    private final Session session;

    public SmtpMailer(SmtpSettings settings) {
        this.settings = settings;
        Properties p = new Properties();
        String proto = settings.security() == SmtpSettings.Security.TLS ? "smtps" : "smtp";
        p.put("mail.transport.protocol", proto);
        p.put("mail." + proto + ".host", settings.host());
        p.put("mail." + proto + ".port", Integer.toString(settings.port()));
        String millis = Long.toString(settings.timeout().toMillis());
        p.put("mail." + proto + ".connectiontimeout", millis);
        p.put("mail." + proto + ".timeout", millis);
        p.put("mail." + proto + ".writetimeout", millis);
        if (settings.security() == SmtpSettings.Security.STARTTLS) {
            p.put("mail.smtp.starttls.enable", "true");
            p.put("mail.smtp.starttls.required", "true");
        }
        Authenticator auth = null;
        if (settings.user().isPresent()) {
            p.put("mail." + proto + ".auth", "true");
            String user = settings.user().get();
            String password = settings.password().orElse("");
            auth = new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return new PasswordAuthentication(user, password);
                }
            };
        }
        this.session = Session.getInstance(p, auth);
    }

    @Override
    public void send(InviteMail mail) {
        MimeMessage m;
        try {
            m = message(mail);
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new MailException("the invitation to " + mail.to() + " could not be written: " + e.getMessage(), true, e);
        }
        try {
            Transport.send(m);
        } catch (SendFailedException e) {
            // the server refused the recipient or the message: sending again will not help
            throw new MailException("the mail server refused the invitation to " + mail.to() + ": " + firstLine(e), true, e);
        } catch (MessagingException e) {
            throw new MailException("the invitation to " + mail.to() + " could not be sent through " + settings + ": " + firstLine(e), false, e);
        }
    }

    private MimeMessage message(InviteMail mail) throws MessagingException, UnsupportedEncodingException {
        String id = mail.messageId();
        MimeMessage m = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", id);   // derived from study and session, not random: a resend is the same message
            }
        };
        m.setFrom(new InternetAddress(mail.from()));
        m.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.to(), mail.toName(), StandardCharsets.UTF_8.name()));
        m.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
        MimeBodyPart text = new MimeBodyPart();
        text.setText(mail.text(), StandardCharsets.UTF_8.name());
        MimeBodyPart calendar = new MimeBodyPart();
        calendar.setDataHandler(new DataHandler(new ByteArrayDataSource(mail.ics().getBytes(StandardCharsets.UTF_8),
                "text/calendar; method=REQUEST; charset=UTF-8")));
        MimeBodyPart attachment = new MimeBodyPart();
        attachment.setDataHandler(new DataHandler(new ByteArrayDataSource(mail.ics().getBytes(StandardCharsets.UTF_8),
                "application/ics; name=invite.ics")));
        attachment.setFileName("invite.ics");
        MimeMultipart alternative = new MimeMultipart("alternative", text, calendar);
        MimeBodyPart body = new MimeBodyPart();
        body.setContent(alternative);
        m.setContent(new MimeMultipart("mixed", body, attachment));
        m.saveChanges();
        return m;
    }

    private static String firstLine(Exception e) {
        String s = e.getMessage() == null ? "no reason given" : e.getMessage().strip();
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    @Override
    public String describe() {
        return settings.toString();
    }
}
