package dev.chassis.research.ops.study;

import dev.chassis.core.input.Ids;
import dev.chassis.research.ops.quality.QualityRules;
import dev.chassis.research.ops.schedule.ScheduleRules;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;

/**
 * A study file as written. Paths are relative to the study file.
 *
 * <pre>{@code
 * study: onboarding-2025
 * title: How new teams get started
 * organizer: research@example.org
 * guide: ../guides/onboarding.yaml
 * pool: pool.csv
 * sessions: 5
 * personas: [../personas/busy-manager.yaml, ../personas/careful-designer.yaml]
 * screener:
 *   require: [{field: role, in: [designer, engineer, manager]}]
 *   quotas:  [{field: role, value: designer, max: 2}]
 * schedule: {timezone: Europe/Berlin, start: 2025-03-03, days: 10, hours: "09:00-17:00"}
 * quality: {minEngagement: 0.3}
 * themes: 6
 * }</pre>
 *
 * @param study     id: letters, digits and dashes; names the run's files
 * @param title     for invites and the report
 * @param organizer email of the researchers, for invites
 * @param guide     the interview guide file
 * @param pool      the participant pool CSV
 * @param sessions  how many people to recruit
 * @param personas  persona files that stand in for participants in offline runs (round-robin unless the pool's
 *                  {@code persona} column names one)
 * @param screener  who qualifies
 * @param schedule  when sessions may be
 * @param quality   thresholds for quality flags
 * @param themes    at most this many themes in the synthesis
 * @param conduct   {@code synthetic} (default) or {@code live}
 */
public record Study(String study, String title, String organizer, String guide, String pool, int sessions,
                    List<String> personas, ScreenerSpec screener, ScheduleRules schedule, QualityRules quality, int themes,
                    Conduct conduct) {

    /** How sessions take place. */
    public enum Conduct {
        /** Offline: the AI interviewer with synthetic participants (the personas). */
        SYNTHETIC,
        /** With people, through the schedule's links; transcripts arrive in the run's inbox. */
        LIVE;

        @com.fasterxml.jackson.annotation.JsonCreator
        public static Conduct parse(String s) {
            return switch (s == null ? "" : s.strip().toLowerCase(java.util.Locale.ROOT)) {
                case "synthetic" -> SYNTHETIC;
                case "live" -> LIVE;
                default -> throw new IllegalArgumentException("conduct must be 'synthetic' or 'live', was '" + s + "'");
            };
        }
    }

    /** Reads a study as written; {@code sessions} and {@code themes} may be left out. */
    @com.fasterxml.jackson.annotation.JsonCreator
    public static Study read(@JsonProperty("study") String study, @JsonProperty("title") String title,
                             @JsonProperty("organizer") String organizer, @JsonProperty("guide") String guide,
                             @JsonProperty("pool") String pool, @JsonProperty("sessions") Integer sessions,
                             @JsonProperty("personas") List<String> personas, @JsonProperty("screener") ScreenerSpec screener,
                             @JsonProperty("schedule") ScheduleRules schedule, @JsonProperty("quality") QualityRules quality,
                             @JsonProperty("themes") Integer themes, @JsonProperty("conduct") Conduct conduct) {
        if (sessions == null) {
            throw new IllegalArgumentException("sessions is required: how many people to recruit");
        }
        return new Study(study, title, organizer, guide, pool, sessions, personas, screener, schedule, quality, themes == null ? 8 : themes,
                conduct == null ? Conduct.SYNTHETIC : conduct);
    }

    public Study {
        if (!Ids.valid(study)) {
            throw new IllegalArgumentException("study " + Ids.problem(study));
        }
        Objects.requireNonNull(title, "title");
        if (title.isBlank()) {
            throw new IllegalArgumentException("title must not be blank");
        }
        organizer = organizer == null ? "research@example.org" : organizer;
        if (!organizer.matches("[^@\\s]+@[^@\\s]+")) {
            throw new IllegalArgumentException("organizer must be an email address, was '" + organizer + "'");
        }
        if (guide == null || guide.isBlank()) {
            throw new IllegalArgumentException("guide is required: the interview guide file, relative to this study file");
        }
        if (pool == null || pool.isBlank()) {
            throw new IllegalArgumentException("pool is required: the participant pool CSV, relative to this study file");
        }
        if (sessions < 1 || sessions > 500) {
            throw new IllegalArgumentException("sessions must be between 1 and 500, was " + sessions);
        }
        personas = personas == null ? List.of() : List.copyOf(personas);
        screener = screener == null ? ScreenerSpec.NONE : screener;
        Objects.requireNonNull(schedule, "schedule is required (timezone, start, ...)");
        quality = quality == null ? QualityRules.DEFAULTS : quality;
        Objects.requireNonNull(conduct, "conduct");
        if (conduct == Conduct.LIVE && schedule.link().isEmpty()) {
            throw new IllegalArgumentException("live sessions need schedule.link, the address participants join (with {session})");
        }
        if (themes < 1 || themes > 30) {
            throw new IllegalArgumentException("themes must be between 1 and 30, was " + themes);
        }
    }
}
