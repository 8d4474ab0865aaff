package dev.chassis.talk.stage;

import dev.chassis.core.input.InvalidInputException;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything the agent must know before a live conversation starts. The application fills it (an
 * interviewer from its guide, a support agent from its case file); the harness knows nothing else.
 * Validated on construction: the first problem found is an {@link InvalidInputException} naming the
 * field. Build one with {@link #builder()}; change one with {@link #toBuilder()}.
 *
 * <pre>{@code
 * Briefing b = Briefing.builder().purpose("Learn how teams plan their week.").language("en").duration(Duration.ofMinutes(15))
 *         .objective(Objective.of("planning", "Planning", 5, 1.0, "How does your team plan its week?"))
 *         .opening("Hi, thanks for joining.").build();
 * }</pre>
 *
 * @param purpose    what the conversation is for, in a sentence or two
 * @param language   the session's language (ISO 639-1, one of {@link CulturalPacks#LANGUAGES})
 * @param languages  every language the agent may switch to; always includes {@code language}
 * @param duration   planned length of the session
 * @param objectives what to achieve, at least one
 * @param background what is known about the other person (field → value)
 * @param rules      rules the agent must keep, always staged
 * @param material   further notes, staged if there is room
 * @param opening    what to say first (greeting, consent reminder); may be empty
 * @param translations the objectives as worded in other languages of {@code languages}, by language, one
 *                   for one with {@code objectives} (same ids): a switch there asks the planned questions
 *                   in the person's language; a language listed without them is left to a real model
 */
public record Briefing(String purpose, String language, List<String> languages, Duration duration,
                       List<Objective> objectives, Map<String, String> background, List<String> rules,
                       List<String> material, String opening, Map<String, List<Objective>> translations) {

    /** A briefing with its objectives in the session's language only. */
    public Briefing(String purpose, String language, List<String> languages, Duration duration, List<Objective> objectives,
                    Map<String, String> background, List<String> rules, List<String> material, String opening) {
        this(purpose, language, languages, duration, objectives, background, rules, material, opening, Map.of());
    }

    public Briefing {
        purpose = purpose == null ? "" : purpose.strip();
        if (duration == null) {
            throw invalid("duration", "is required (how long the session is planned to take)");
        }
        objectives = objectives == null ? List.of() : List.copyOf(objectives);
        background = background == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(background));
        rules = rules == null ? List.of() : List.copyOf(rules);
        material = material == null ? List.of() : List.copyOf(material);
        opening = opening == null ? "" : opening.strip();
        if (language == null || !CulturalPacks.LANGUAGES.contains(language)) {
            throw invalid("language", "'" + language + "' is not supported; use one of " + CulturalPacks.LANGUAGES);
        }
        languages = languages == null || languages.isEmpty() ? List.of(language) : List.copyOf(languages);
        for (int i = 0; i < languages.size(); i++) {
            if (!CulturalPacks.LANGUAGES.contains(languages.get(i))) {
                throw invalid("languages[" + i + "]", "'" + languages.get(i) + "' is not supported; use one of " + CulturalPacks.LANGUAGES);
            }
        }
        if (!languages.contains(language)) {
            throw invalid("languages", "must include the session language '" + language + "'");
        }
        if (duration.isNegative() || duration.isZero()) {
            throw invalid("duration", "must be positive, was " + duration);
        }
        if (objectives.isEmpty()) {
            throw invalid("objectives", "at least one objective is required");
        }
        Set<String> ids = new HashSet<>();
        double shares = 0;
        for (int i = 0; i < objectives.size(); i++) {
            Objective o = objectives.get(i);
            String at = "objectives[" + i + "]";
            if (o.id().isBlank()) {
                throw invalid(at + ".id", "must not be blank");
            }
            if (!ids.add(o.id())) {
                throw invalid(at + ".id", "'" + o.id() + "' is used twice; ids must be unique");
            }
            if (o.title().isBlank()) {
                throw invalid(at + ".title", "must not be blank");
            }
            if (o.priority() < 1 || o.priority() > 5) {
                throw invalid(at + ".priority", "must be between 1 and 5, was " + o.priority());
            }
            if (o.timeShare() < 0 || o.timeShare() > 1) {
                throw invalid(at + ".timeShare", "must be between 0 and 1, was " + o.timeShare());
            }
            if (o.questions().isEmpty() || o.questions().stream().anyMatch(String::isBlank)) {
                throw invalid(at + ".questions", "needs at least one question, none blank");
            }
            shares += o.timeShare();
        }
        if (shares > 1.0001) {
            throw invalid("objectives", "time shares add up to " + Math.round(shares * 100) + "%, more than 100%");
        }
        translations = translations == null ? Map.of() : Map.copyOf(translations);
        for (Map.Entry<String, List<Objective>> e : translations.entrySet()) {
            List<Objective> there = List.copyOf(e.getValue());
            if (!languages.contains(e.getKey()) || e.getKey().equals(language)) {
                throw invalid("translations." + e.getKey(), "is not one of the other languages " + languages);
            }
            boolean same = there.size() == objectives.size();
            for (int i = 0; same && i < there.size(); i++) {
                same = there.get(i).id().equals(objectives.get(i).id());
            }
            if (!same) {
                throw invalid("translations." + e.getKey(), "must hold the same objectives, in the same order");
            }
        }
        Map<String, List<Objective>> copied = new LinkedHashMap<>();
        translations.forEach((l, os) -> copied.put(l, List.copyOf(os)));
        translations = java.util.Collections.unmodifiableMap(copied);
    }

    /** Whether the planned questions are worded in {@code language}: the session's own, or a translation. */
    public boolean hasText(String language) {
        return language.equals(this.language) || translations.containsKey(language);
    }

    /** The objective with this id as worded in {@code language}, or as in the session's language where it has no translation. */
    public Objective objective(String id, String language) {
        List<Objective> there = translations.get(language);
        if (there != null) {
            for (Objective o : there) {
                if (o.id().equals(id)) {
                    return o;
                }
            }
        }
        return objective(id);
    }

    /** The objective with this id in every language it is worded in, the session's first. */
    public List<Objective> everyWording(String id) {
        List<Objective> out = new java.util.ArrayList<>();
        out.add(objective(id));
        translations.keySet().forEach(l -> out.add(objective(id, l)));
        return out;
    }

    /** An empty builder: set at least the language, the duration and one objective. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this briefing's fields, to change some: {@code b.toBuilder().rules(more).build()}. */
    public Builder toBuilder() {
        return new Builder().purpose(purpose).language(language).languages(languages).duration(duration).objectives(objectives)
                .background(background).rules(rules).material(material).opening(opening)
                .translations(translations);
    }

    /** Builds a {@link Briefing} field by field; what is not set stays empty. {@link #build()} validates. Not thread-safe. */
    public static final class Builder {
        private String purpose = "";
        private String language;
        private List<String> languages = List.of();
        private Duration duration;
        private final List<Objective> objectives = new java.util.ArrayList<>();
        private Map<String, String> background = Map.of();
        private final List<String> rules = new java.util.ArrayList<>();
        private List<String> material = List.of();
        private String opening = "";
        private Map<String, List<Objective>> translations = Map.of();

        private Builder() {
        }

        public Builder purpose(String value) {
            purpose = value;
            return this;
        }

        /** The session's language; also the first of {@link #languages} unless they are set. */
        public Builder language(String value) {
            language = value;
            return this;
        }

        public Builder languages(List<String> value) {
            languages = value;
            return this;
        }

        public Builder duration(Duration value) {
            duration = value;
            return this;
        }

        /** Adds an objective. */
        public Builder objective(Objective value) {
            objectives.add(value);
            return this;
        }

        /** Replaces the objectives. */
        public Builder objectives(List<Objective> value) {
            objectives.clear();
            objectives.addAll(value);
            return this;
        }

        public Builder background(Map<String, String> value) {
            background = value;
            return this;
        }

        /** Adds a rule the agent must keep. */
        public Builder rule(String value) {
            rules.add(value);
            return this;
        }

        /** Replaces the rules. */
        public Builder rules(List<String> value) {
            rules.clear();
            rules.addAll(value);
            return this;
        }

        public Builder material(List<String> value) {
            material = value;
            return this;
        }

        /** The objectives as worded in other languages of the briefing, by language (same ids, same order). */
        public Builder translations(Map<String, List<Objective>> value) {
            this.translations = value == null ? Map.of() : value;
            return this;
        }

        public Builder opening(String value) {
            opening = value;
            return this;
        }

        /** @throws InvalidInputException naming the first field that is missing or wrong */
        public Briefing build() {
            return new Briefing(purpose, language, languages, duration, objectives, background, rules, material, opening, translations);
        }
    }

    /** The objective with this id. */
    public Objective objective(String id) {
        return objectives.stream().filter(o -> o.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no objective '" + id + "'"));
    }

    private static InvalidInputException invalid(String field, String problem) {
        return new InvalidInputException("briefing", 0, field, problem);
    }
}
