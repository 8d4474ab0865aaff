package dev.chassis.research.ops.schedule;

import dev.chassis.research.ops.pool.Participant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * First-fit scheduling across time zones: slots are laid out in the researchers' hours and zone
 * ({@code duration + gap} apart), and each participant, in order, gets the earliest free slot that lies
 * wholly inside one of their weekly windows in their own zone, at most {@code perDay} sessions a day.
 * Deterministic; daylight-saving changes are handled by {@link ZonedDateTime}. Stateless.
 */
public final class Scheduler {

    private Scheduler() {
    }

    public static Schedule schedule(List<Participant> people, ScheduleRules rules) {
        List<ZonedDateTime> slots = slots(rules);
        Set<ZonedDateTime> taken = new HashSet<>();
        Map<LocalDate, Integer> perDay = new HashMap<>();
        List<ScheduledSession> sessions = new ArrayList<>();
        List<Schedule.Unscheduled> unscheduled = new ArrayList<>();
        for (Participant p : people) {
            Optional<ZonedDateTime> slot = slots.stream()
                    .filter(s -> !taken.contains(s) && perDay.getOrDefault(s.toLocalDate(), 0) < rules.perDay())
                    .filter(s -> fits(p, s, rules))
                    .findFirst();
            if (slot.isPresent()) {
                taken.add(slot.get());
                perDay.merge(slot.get().toLocalDate(), 1, Integer::sum);
                String id = String.format("s-%02d", sessions.size() + 1);
                sessions.add(new ScheduledSession(id, p, slot.get(), rules.duration(), rules.link().map(l -> l.replace("{session}", id))));
            } else {
                unscheduled.add(new Schedule.Unscheduled(p, reason(p, rules, slots.stream().anyMatch(s -> fits(p, s, rules)))));
            }
        }
        return new Schedule(sessions, unscheduled);
    }

    private static List<ZonedDateTime> slots(ScheduleRules rules) {
        List<ZonedDateTime> out = new ArrayList<>();
        for (int d = 0; d < rules.days(); d++) {
            LocalDate day = rules.start().plusDays(d);
            if (!rules.weekdays().contains(day.getDayOfWeek())) {
                continue;
            }
            ZonedDateTime end = rules.to().equals(LocalTime.MAX) ? day.plusDays(1).atStartOfDay(rules.zone()) : day.atTime(rules.to()).atZone(rules.zone());
            for (ZonedDateTime t = day.atTime(rules.from()).atZone(rules.zone()); !t.plus(rules.duration()).isAfter(end);
                 t = t.plus(rules.duration()).plus(rules.gap())) {
                out.add(t);
            }
        }
        return out;
    }

    private static boolean fits(Participant p, ZonedDateTime slot, ScheduleRules rules) {
        ZonedDateTime start = slot.withZoneSameInstant(p.zone());
        ZonedDateTime end = start.plus(rules.duration());
        if (!end.toLocalDate().equals(start.toLocalDate()) && !end.toLocalTime().equals(LocalTime.MIDNIGHT)) {
            return false;   // a session across the participant's midnight fits no single window
        }
        LocalTime endTime = end.toLocalTime().equals(LocalTime.MIDNIGHT) && !end.toLocalDate().equals(start.toLocalDate())
                ? LocalTime.MAX : end.toLocalTime();
        return p.availability().stream().anyMatch(w -> w.contains(start.getDayOfWeek(), start.toLocalTime(), endTime));
    }

    private static String reason(Participant p, ScheduleRules rules, boolean overlapExists) {
        String theirs = p.availability().stream().map(w -> days(w) + " " + w.from() + "-" + (w.to().equals(LocalTime.MAX) ? "24:00" : w.to()))
                .collect(Collectors.joining("; "));
        if (overlapExists) {
            return "every slot that suits them (" + theirs + " " + p.zone() + ") was already taken or its day was full";
        }
        return "their availability (" + theirs + " " + p.zone() + ") does not overlap the researchers' hours ("
                + rules.from() + "-" + (rules.to().equals(LocalTime.MAX) ? "24:00" : rules.to()) + " " + rules.zone() + ") between "
                + rules.start() + " and " + rules.start().plusDays(rules.days() - 1L);
    }

    private static String days(WeeklyWindow w) {
        return w.days().stream().sorted().map(d -> d.getDisplayName(java.time.format.TextStyle.SHORT, java.util.Locale.ENGLISH))
                .collect(Collectors.joining(","));
    }
}
