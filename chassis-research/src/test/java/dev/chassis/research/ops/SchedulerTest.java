package dev.chassis.research.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chassis.research.ops.pool.Participant;
import dev.chassis.research.ops.schedule.Availability;
import dev.chassis.research.ops.schedule.Invites;
import dev.chassis.research.ops.schedule.Schedule;
import dev.chassis.research.ops.schedule.ScheduleRules;
import dev.chassis.research.ops.schedule.Scheduler;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchedulerTest {

    @TempDir
    Path dir;

    // Monday 2025-03-03; researchers in Berlin, 09:00-17:00, 45-minute slots (30 + 15 gap).
    private final ScheduleRules rules = ScheduleRules.read("Europe/Berlin", LocalDate.of(2025, 3, 3), 5, "Mon-Fri", "09:00-17:00",
            Duration.ofMinutes(30), Duration.ofMinutes(15), 2, "https://example.org/s/{session}");

    private static Participant person(String id, String zone, String availability) {
        return new Participant(id, id, id + "@example.org", ZoneId.of(zone), "en", Availability.parse(availability), Map.of(), Optional.empty(), 2);
    }

    @Test
    void a_new_york_morning_meets_a_berlin_afternoon() {
        Schedule s = Scheduler.schedule(List.of(person("ny", "America/New_York", "Mon-Fri 08:00-10:00")), rules);

        // New York (EST, UTC-5) is six hours behind Berlin (CET, UTC+1) on 3 March 2025: slots run 09:00, 09:45, ... 13:30,
        // 14:15 in Berlin, and 14:15 is the first that starts after 08:00 in New York.
        assertThat(s.sessions()).singleElement().satisfies(x -> {
            assertThat(x.start()).isEqualTo(ZonedDateTime.of(2025, 3, 3, 14, 15, 0, 0, ZoneId.of("Europe/Berlin")));
            assertThat(x.localStart().toLocalTime()).hasToString("08:15");
            assertThat(x.link()).contains("https://example.org/s/s-01");
        });
    }

    @Test
    void slots_are_not_double_booked_and_days_fill_up_to_their_limit() {
        List<Participant> people = List.of(person("a", "Europe/Berlin", "Mon-Fri 09:00-10:30"),
                person("b", "Europe/Berlin", "Mon-Fri 09:00-10:30"), person("c", "Europe/Berlin", "Mon-Fri 09:00-10:30"));

        Schedule s = Scheduler.schedule(people, rules);

        assertThat(s.sessions()).extracting(x -> x.start().toLocalDateTime().toString())
                .containsExactly("2025-03-03T09:00", "2025-03-03T09:45", "2025-03-04T09:00");
        assertThat(s.sessions()).extracting(x -> x.id()).containsExactly("s-01", "s-02", "s-03");
    }

    @Test
    void someone_whose_hours_never_meet_the_researchers_is_told_why() {
        Schedule s = Scheduler.schedule(List.of(person("syd", "Australia/Sydney", "Mon-Fri 09:00-12:00")), rules);

        assertThat(s.sessions()).isEmpty();
        assertThat(s.unscheduled()).singleElement().extracting(Schedule.Unscheduled::reason)
                .isEqualTo("their availability (Mon,Tue,Wed,Thu,Fri 09:00-12:00 Australia/Sydney) does not overlap the researchers' hours "
                        + "(09:00-17:00 Europe/Berlin) between 2025-03-03 and 2025-03-07");
    }

    @Test
    void invites_are_valid_icalendar_with_stable_uids_and_identical_when_written_again() throws Exception {
        Schedule s = Scheduler.schedule(List.of(person("ny", "America/New_York", "Mon-Fri 08:00-10:00"),
                person("de", "Europe/Berlin", "Mon 09:00-12:00")), rules);
        Instant stamp = Instant.parse("2025-02-20T10:00:00Z");

        List<Path> files = Invites.write("onboarding", "Onboarding interview", "research@example.org", s.sessions(), stamp, dir);
        String first = Files.readString(files.getFirst());
        Invites.write("onboarding", "Onboarding interview", "research@example.org", s.sessions(), stamp, dir);

        assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly("s-01.ics", "s-02.ics", "sessions.ics");
        assertThat(Files.readString(files.getFirst())).isEqualTo(first);
        Calendar parsed = new CalendarBuilder().build(new StringReader(Files.readString(dir.resolve("sessions.ics"))));
        List<VEvent> events = parsed.getComponents("VEVENT");
        assertThat(events).hasSize(2);
        assertThat(first).contains("UID:s-01.onboarding@chassis").contains("DTSTART:20250303T131500Z")
                .contains("ATTENDEE;CN=ny;ROLE=REQ-PARTICIPANT:mailto:ny@example.org").contains("METHOD:REQUEST")
                .contains("DTSTAMP:20250220T100000Z");
        assertThat(first.replace("\r\n ", "")).contains("Your time: Monday 3 March 2025\\, 08:15 (America/New_York)");
    }

    @Test
    void schedule_rules_reject_what_cannot_work() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ScheduleRules.read("Europe/Berlin", LocalDate.of(2025, 3, 3), 5, "Mon-Fri",
                        "09:00-17:00", Duration.ofMinutes(30), Duration.ZERO, 2, "https://example.org/join"))
                .hasMessage("link must contain {session}, where the session id goes; was 'https://example.org/join'");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ScheduleRules.read("Berlin", LocalDate.of(2025, 3, 3), 5, null, null, null, null, null, null))
                .hasMessage("timezone 'Berlin' is not a time zone; use a region id such as Europe/Berlin");
    }

}
