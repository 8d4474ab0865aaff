package dev.chassis.research.guide;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A guide's words in one language other than its first: the consent, the opening, and per objective
 * its title, description, questions, probes and keywords. Questions and probes are translations of the
 * first language's, one for one and in the same order, so a question asked in one language counts as
 * asked in all.
 */
public record GuideText(String language, String consent, String opening, Map<String, ObjectiveText> objectives) {

    public GuideText {
        objectives = Map.copyOf(objectives);
    }

    /** One objective's words in this language; empty lists where the guide gives none. */
    public record ObjectiveText(String title, String description, List<String> questions, List<String> probes, List<String> keywords) {
        public ObjectiveText {
            questions = List.copyOf(questions);
            probes = List.copyOf(probes);
            keywords = List.copyOf(keywords);
        }
    }

    public Optional<ObjectiveText> objective(String id) {
        return Optional.ofNullable(objectives.get(id));
    }
}
