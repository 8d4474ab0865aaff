package dev.chassis.research.ops.schedule;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses weekly availability: windows separated by {@code ;}, each days then hours, for example
 * {@code Mon-Fri 09:00-12:00; Sat 10:00-14:00} or {@code Tue,Thu 18:00-21:30}. Days are three-letter
 * English abbreviations; ranges wrap ({@code Sat-Mon}). Stateless.
 */
public final class Availability {

    /** What a user should write, for error messages. */
    public static final String EXAMPLE = "'Mon-Fri 09:00-12:00; Sat 10:00-14:00'";

    private static final Pattern WINDOW = Pattern.compile("\\s*([A-Za-z,\\-\\s]+?)\\s+(\\d{1,2}:\\d{2})\\s*-\\s*(\\d{1,2}:\\d{2})\\s*");
    private static final Map<String, DayOfWeek> DAYS = Map.of("mon", DayOfWeek.MONDAY, "tue", DayOfWeek.TUESDAY,
            "wed", DayOfWeek.WEDNESDAY, "thu", DayOfWeek.THURSDAY, "fri", DayOfWeek.FRIDAY, "sat", DayOfWeek.SATURDAY,
            "sun", DayOfWeek.SUNDAY);

    private Availability() {
    }

    /**
     * @throws IllegalArgumentException with a message saying which part is wrong and what to write
     */
    public static List<WeeklyWindow> parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("is empty; write days and hours like " + EXAMPLE);
        }
        List<WeeklyWindow> out = new ArrayList<>();
        for (String part : text.split(";")) {
            if (part.isBlank()) {
                continue;
            }
            Matcher m = WINDOW.matcher(part);
            if (!m.matches()) {
                throw new IllegalArgumentException("'" + part.strip() + "' is not days and hours; write them like " + EXAMPLE);
            }
            out.add(new WeeklyWindow(days(m.group(1), part), time(m.group(2), part), end(m.group(3), part)));
        }
        return List.copyOf(out);
    }

    /** Days like {@code Mon-Fri} or {@code Tue,Thu,Sat}. */
    public static Set<DayOfWeek> days(String spec, String context) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String item : spec.split(",")) {
            String[] range = item.strip().split("\\s*-\\s*");
            DayOfWeek first = day(range[0], context);
            DayOfWeek last = range.length > 1 ? day(range[1], context) : first;
            for (DayOfWeek d = first; ; d = d.plus(1)) {
                days.add(d);
                if (d == last) {
                    break;
                }
            }
        }
        return days;
    }

    private static DayOfWeek day(String s, String context) {
        DayOfWeek d = DAYS.get(s.strip().toLowerCase(Locale.ROOT));
        if (d == null) {
            throw new IllegalArgumentException("'" + s.strip() + "' in '" + context.strip() + "' is not a day; use Mon, Tue, Wed, Thu, Fri, Sat or Sun");
        }
        return d;
    }

    private static LocalTime time(String s, String context) {
        try {
            return LocalTime.parse(s.length() == 4 ? "0" + s : s);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + s + "' in '" + context.strip() + "' is not a time of day (00:00 to 24:00)");
        }
    }

    private static LocalTime end(String s, String context) {
        return s.equals("24:00") ? LocalTime.MAX : time(s, context);
    }
}
