package dev.chassis.research.ops.workflow;

import dev.chassis.research.ops.schedule.Mailer;
import dev.chassis.research.ops.schedule.ScheduledSession;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * How a run's invitations reach people: the link each participant joins with, and the mailer that sends the
 * invitation (none: the invite files are written and the run says they were not emailed).
 *
 * @param mailer sends each invitation; empty to write the files only
 * @param links  the participant's own link for a session (a server signs one per session); empty for none
 */
public record Delivery(Optional<Mailer> mailer, Function<ScheduledSession, Optional<String>> links) {

    public Delivery {
        Objects.requireNonNull(mailer, "mailer");
        Objects.requireNonNull(links, "links");
    }

    /** Files only, with the links the study's schedule gives ({@code schedule.link}). */
    public static Delivery filesOnly() {
        return new Delivery(Optional.empty(), ScheduledSession::link);
    }

    /** The same links, sent by {@code mailer}. */
    public Delivery withMailer(Mailer m) {
        return new Delivery(Optional.of(m), links);
    }

    /** The same mailer, with these links. */
    public Delivery withLinks(Function<ScheduledSession, Optional<String>> l) {
        return new Delivery(mailer, l);
    }
}
