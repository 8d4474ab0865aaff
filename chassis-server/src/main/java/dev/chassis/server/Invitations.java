package dev.chassis.server;

import dev.chassis.research.ops.schedule.SmtpMailer;
import dev.chassis.research.ops.schedule.SmtpSettings;
import dev.chassis.server.auth.ParticipantTokens;
import dev.chassis.server.ops.RunInvitations;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the server's study runs invite people: each participant's own signed link ({@code /p/<token>} on the
 * server's public address: {@code CHASSIS_PUBLIC_URL}, else the address it listens on), emailed when an SMTP
 * server is set ({@code CHASSIS_SMTP_*}), otherwise written as invite files, as the run's progress says.
 */
final class Invitations {

    private static final Logger LOG = LoggerFactory.getLogger(Invitations.class);

    private Invitations() {
    }

    static RunInvitations of(Map<String, String> env, Supplier<URI> listening, ParticipantTokens links) {
        String configured = env.getOrDefault("CHASSIS_PUBLIC_URL", "").strip();
        if (!configured.isEmpty() && !configured.matches("https?://[^\\s/]+(/\\S*)?")) {
            throw new IllegalArgumentException("CHASSIS_PUBLIC_URL must be the address participants reach this server at, "
                    + "like https://interviews.example.org, was '" + configured + "'");
        }
        Supplier<String> base = configured.isEmpty() ? () -> listening.get().toString() : () -> configured.endsWith("/") ? configured : configured + "/";
        Function<String, String> link = session -> base.get() + "p/" + links.sign(session);
        Optional<SmtpSettings> smtp = SmtpSettings.fromEnvironment(env);
        if (smtp.isPresent()) {
            LOG.info("Study invitations are emailed through {}", smtp.get());
            return new RunInvitations(Optional.of(new SmtpMailer(smtp.get())), link);
        }
        LOG.info("Study invitations are written as files, not emailed: set CHASSIS_SMTP_HOST to send them");
        return new RunInvitations(Optional.empty(), link);
    }
}
