package dev.chassis.server.ops;

import dev.chassis.research.ops.schedule.Mailer;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * How the server's runs invite people to live sessions.
 *
 * @param mailer sends the invitations; empty to write them as files only
 * @param link   a server session's participant link (signed, on the address participants reach)
 */
public record RunInvitations(Optional<Mailer> mailer, Function<String, String> link) {

    public RunInvitations {
        Objects.requireNonNull(mailer, "mailer");
        Objects.requireNonNull(link, "link");
    }
}
