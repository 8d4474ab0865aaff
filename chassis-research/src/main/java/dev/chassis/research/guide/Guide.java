package dev.chassis.research.guide;

import dev.chassis.talk.stage.Briefing;
import dev.chassis.talk.stage.Objective;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An interview guide. Immutable; built by {@link GuideFile#load}.
 *
 * @param study      the study's id
 * @param title      what the study is about
 * @param languages  the languages it may be held in, the first being the default
 * @param consent    what the participant agrees to, read out at the start
 * @param opening    the interviewer's first words (before the first question)
 * @param background the participant fields the interviewer may know (names of pool columns)
 * @param rules      rules the interviewer always keeps
 */
public record Guide(String study, String title, List<String> languages, Duration duration, String consent, String opening,
                    List<String> background, List<String> rules, List<Objective> objectives, String source) {

    public Guide {
        Objects.requireNonNull(study, "study");
        languages = List.copyOf(languages);
        background = List.copyOf(background);
        rules = List.copyOf(rules);
        objectives = List.copyOf(objectives);
    }

    public String language() {
        return languages.getFirst();
    }

    /**
     * The briefing for one session.
     *
     * @param language    the session's language (one of the guide's)
     * @param participant what is known about the participant (only the guide's background fields are kept)
     */
    public Briefing briefing(String language, Map<String, String> participant) {
        Map<String, String> background = new LinkedHashMap<>();
        for (String field : this.background) {
            String v = participant.get(field);
            if (v != null && !v.isBlank()) {
                background.put(field, v);
            }
        }
        List<String> allRules = new ArrayList<>(rules);
        allRules.add("Ask one question at a time; never suggest an answer.");
        List<String> languagesFirst = new ArrayList<>();
        languagesFirst.add(language);
        languages.stream().filter(l -> !l.equals(language)).forEach(languagesFirst::add);
        String open = (consent.isBlank() ? "" : consent + " ") + opening;
        return new Briefing(title, language, languagesFirst, duration, objectives, background, allRules, List.of(), open.strip());
    }

    /** The briefing in the guide's default language, for a participant we know nothing about. */
    public Briefing briefing() {
        return briefing(language(), Map.of());
    }
}
