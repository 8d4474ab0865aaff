package dev.chassis.research.ops.schedule;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;

/**
 * When sessions may take place, from the researchers' side, as written in a study file:
 *
 * <pre>{@code
 * schedule:
 *   timezone: Europe/Berlin      # the researchers' zone
 *   start: 2025-03-03            # first day
 *   days: 10                     # how many days from start
 *   weekdays: Mon-Fri
 *   hours: "09:00-18:00"         # researchers' hours
 *   duration: PT30M
 *   gap: PT15M                   # between sessions
 *   perDay: 4
 *   link: https://interviews.example.org/s/{session}   # optional, for live sessions
 * }</pre>
 */
public record ScheduleRules(ZoneId zone, LocalDate start, int days, Set<DayOfWeek> weekdays, LocalTime from, LocalTime to,
                            Duration duration, Duration gap, int perDay, Optional<String> link) {

    @JsonCreator
    public static ScheduleRules read(@JsonProperty("timezone") String timezone, @JsonProperty("start") LocalDate start,
                                     @JsonProperty("days") Integer days, @JsonProperty("weekdays") String weekdays,
                                     @JsonProperty("hours") String hours, @JsonProperty("duration") Duration duration,
                                     @JsonProperty("gap") Duration gap, @JsonProperty("perDay") Integer perDay,
                                     @JsonProperty("link") String link) {
        ZoneId zone;
        try {
            zone = ZoneId.of(timezone == null ? "" : timezone);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("timezone '" + timezone + "' is not a time zone; use a region id such as Europe/Berlin");
        }
        if (start == null) {
            throw new IllegalArgumentException("start is required (the first day, like 2025-03-03)");
        }
        WeeklyWindow hoursWindow = Availability.parse((weekdays == null ? "Mon-Fri" : weekdays) + " " + (hours == null ? "09:00-17:00" : hours)).getFirst();
        return new ScheduleRules(zone, start, days == null ? 10 : days, hoursWindow.days(), hoursWindow.from(), hoursWindow.to(),
                duration == null ? Duration.ofMinutes(30) : duration, gap == null ? Duration.ofMinutes(15) : gap,
                perDay == null ? 4 : perDay, Optional.ofNullable(link));
    }

    public ScheduleRules {
        if (days < 1 || days > 366) {
            throw new IllegalArgumentException("days must be between 1 and 366, was " + days);
        }
        if (duration.isNegative() || duration.isZero() || duration.compareTo(Duration.ofHours(8)) > 0) {
            throw new IllegalArgumentException("duration must be between 1 minute and 8 hours, was " + duration);
        }
        if (gap.isNegative()) {
            throw new IllegalArgumentException("gap must not be negative, was " + gap);
        }
        if (perDay < 1) {
            throw new IllegalArgumentException("perDay must be 1 or more, was " + perDay);
        }
        link.ifPresent(l -> {
            if (!l.contains("{session}")) {
                throw new IllegalArgumentException("link must contain {session}, where the session id goes; was '" + l + "'");
            }
        });
    }
}
