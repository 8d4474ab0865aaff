package dev.chassis.research.ops.schedule;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Hours on some days of every week, in a local time zone: {@code Mon-Fri 09:00-12:00}. The end may be
 * {@code 24:00} (represented as {@link LocalTime#MAX}) for "until midnight".
 *
 * @param days the days of the week
 * @param from start of the window
 * @param to   end of the window, after {@code from}
 */
public record WeeklyWindow(Set<DayOfWeek> days, LocalTime from, LocalTime to) {

    public WeeklyWindow {
        days = days.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(days));
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (days.isEmpty()) {
            throw new IllegalArgumentException("a window needs at least one day");
        }
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("a window must end after it starts (" + from + "-" + to + ")");
        }
    }

    /** Whether [start, end) on {@code day} lies inside this window. */
    public boolean contains(DayOfWeek day, LocalTime start, LocalTime end) {
        return days.contains(day) && !start.isBefore(from) && (to.equals(LocalTime.MAX) || !end.isAfter(to)) && end.isAfter(start);
    }
}
