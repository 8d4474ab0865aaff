package dev.chassis.research.ops.workflow;

import dev.chassis.research.ops.schedule.Mailer;
import dev.chassis.research.ops.schedule.ScheduledSession;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * How a run's invitations reach people: the link each participant joins with, and the mailer that sends the
 * invitation (none: the invite files are written and the run says they were not emailed).
 *
 * @param mailer sends each invitation; empty to write the files only
 * @param links  the participant's own link for a live session of a run, given the run's id and the session (a server
 *               opens its own session for it and signs a link); empty for none
 */
public record Delivery(Optional<Mailer> mailer, BiFunction<String, ScheduledSession, Optional<String>> links) {

    public Delivery {
        Objects.requireNonNull(mailer, "mailer");
        Objects.requireNonNull(links, "links");
    }

    /** Files only, with the links the study's schedule gives ({@code schedule.link}). */
    public static Delivery filesOnly() {
        return new Delivery(Optional.empty(), (run, session) -> session.link());
    }

    /** The same links, sent by {@code mailer}. */
    public Delivery withMailer(Mailer m) {
        return new Delivery(Optional.of(m), links);
    }

    /** The same mailer, with these links. */
    public Delivery withLinks(BiFunction<String, ScheduledSession, Optional<String>> l) {
        return new Delivery(mailer, l);
    }
}
