package dev.chassis.research.ops.schedule;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.CalScale;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Version;
import net.fortuna.ical4j.validate.ValidationException;

/**
 * iCalendar invites (RFC 5545) written with ical4j: one {@code <session>.ics} per session, to send to the
 * participant, and {@code sessions.ics} with all of them, for the researchers' calendar. Times are in UTC
 * (every calendar shows them in the reader's zone); UIDs are derived from study and session and DTSTAMP
 * from the run, so writing the same schedule twice gives the same files (a resumed run re-sends nothing
 * new). Stateless.
 */
public final class Invites {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm (VV)", Locale.ENGLISH);

    private Invites() {
    }

    /**
     * Writes the invites into {@code dir}.
     *
     * @param study     study id, part of every UID
     * @param title     what the invite is for
     * @param organizer the researchers' email
     * @param stamp     the run's time, used as DTSTAMP
     * @return the files written, the combined calendar last
     */
    public static List<Path> write(String study, String title, String organizer, List<ScheduledSession> sessions, Instant stamp, Path dir) {
        java.util.ArrayList<Path> out = new java.util.ArrayList<>();
        for (ScheduledSession s : sessions) {
            out.add(writeOne(study, title, organizer, s, stamp, dir));
        }
        out.add(writeCombined(study, title, organizer, sessions, stamp, dir));
        return List.copyOf(out);
    }

    /** Writes one session's invite, {@code <session>.ics}, into {@code dir} (what is sent to its participant). */
    public static Path writeOne(String study, String title, String organizer, ScheduledSession session, Instant stamp, Path dir) {
        Calendar one = calendar();
        one.add(event(study, title, organizer, session, stamp));
        return write(one, dir, session.id() + ".ics");
    }

    /** One session's invite as calendar text: what {@link #writeOne} writes and an invitation email attaches. */
    public static String text(String study, String title, String organizer, ScheduledSession session, Instant stamp) {
        Calendar one = calendar();
        one.add(event(study, title, organizer, session, stamp));
        return render(one);
    }

    /**
     * One session's invitation email: a greeting, the time in the participant's zone, the link to join, and the
     * invite attached. Its Message-ID is the invite's UID, so a resend is recognisably the same invitation.
     */
    public static InviteMail mail(String study, String title, String organizer, ScheduledSession session, Instant stamp) {
        String body = "Hello " + session.participant().name() + ",\n\n"
                + "Thank you for taking part in " + title + ". Your session is on " + LOCAL.format(session.localStart())
                + " and lasts about " + session.duration().toMinutes() + " minutes.\n\n"
                + session.link().map(l -> "Join here at that time:\n" + l + "\n\nThe link is yours alone: please do not share it.\n\n")
                        .orElse("")
                + "The calendar invitation is attached. To change or cancel, reply to this email.\n\n" + organizer + "\n";
        return new InviteMail(session.participant().email(), session.participant().name(), organizer, "Invitation: " + title,
                body, text(study, title, organizer, session, stamp), "<" + uid(study, session) + ">");
    }

    /** Writes every session into one calendar, {@code sessions.ics}, for the researchers. */
    public static Path writeCombined(String study, String title, String organizer, List<ScheduledSession> sessions, Instant stamp, Path dir) {
        Calendar all = calendar();
        for (ScheduledSession s : sessions) {
            all.add(event(study, title, organizer, s, stamp));
        }
        return write(all, dir, "sessions.ics");
    }

    private static Path write(Calendar c, Path dir, String name) {
        try {
            Files.createDirectories(dir);
            return write(c, dir.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write invites to " + dir + ": " + e.getMessage(), e);
        }
    }

    private static Calendar calendar() {
        Calendar c = new Calendar();
        c.add(new ProdId("-//Chassis//Research operations//EN"));
        c.add(new Version(new net.fortuna.ical4j.model.ParameterList(), Version.VALUE_2_0));
        c.add(new CalScale(CalScale.VALUE_GREGORIAN));
        c.add(new Method(Method.VALUE_REQUEST));
        return c;
    }

    private static VEvent event(String study, String title, String organizer, ScheduledSession s, Instant stamp) {
        VEvent e = new VEvent(s.start().toInstant(), s.duration(), title);
        e.add(new Uid(uid(study, s)));
        e.replace(new DtStamp(stamp.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));
        String description = "Research session " + s.id() + " for " + title + ".\nYour time: " + LOCAL.format(s.localStart())
                + "\nResearchers' time: " + LOCAL.format(s.start()) + s.link().map(l -> "\nJoin: " + l).orElse("");
        e.add(new Description(description));
        s.link().ifPresent(l -> e.add(new Location(l)));
        e.add(new Organizer(URI.create("mailto:" + organizer)));
        Attendee a = new Attendee(URI.create("mailto:" + s.participant().email()));
        a.add(new Cn(s.participant().name()));
        a.add(Role.REQ_PARTICIPANT);
        e.add(a);
        return e;
    }

    private static String uid(String study, ScheduledSession s) {
        return s.id() + "." + study + "@chassis";
    }

    private static String render(Calendar c) {
        StringWriter w = new StringWriter();
        try {
            new CalendarOutputter(true).output(c, w);
        } catch (ValidationException e) {
            throw new IllegalStateException("ical4j refused an invite as invalid: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    private static Path write(Calendar c, Path file) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, render(c), StandardCharsets.UTF_8);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return file;
    }
}
