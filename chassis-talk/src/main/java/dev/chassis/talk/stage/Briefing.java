package dev.chassis.talk.stage;

import dev.chassis.core.input.InvalidInputException;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Everything the agent must know before a live conversation starts. The application fills it (an
 * interviewer from its guide, a support agent from its case file); the harness knows nothing else.
 * Validated on construction: the first problem found is an {@link InvalidInputException} naming the
 * field.
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
 */
public record Briefing(String purpose, String language, List<String> languages, Duration duration,
                       List<Objective> objectives, Map<String, String> background, List<String> rules,
                       List<String> material, String opening) {

    public Briefing {
        purpose = purpose == null ? "" : purpose.strip();
        Objects.requireNonNull(duration, "duration");
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
