package dev.chassis.research.ops.workflow;

import dev.chassis.research.ops.recruit.Screening;
import java.util.List;

/**
 * The recruitment step's record, as saved in {@code recruitment.json}: who was selected and what happened
 * to everyone else, with reasons.
 */
public record Recruitment(List<String> selected, List<Entry> decisions, List<String> warnings) {

    public Recruitment {
        selected = List.copyOf(selected);
        decisions = List.copyOf(decisions);
        warnings = List.copyOf(warnings);
    }

    /** One person's outcome. */
    public record Entry(String id, String name, int line, String outcome, String reason) {
    }

    static Recruitment of(Screening s) {
        return new Recruitment(s.selected().stream().map(p -> p.id()).toList(),
                s.decisions().stream().map(d -> new Entry(d.participant().id(), d.participant().name(), d.participant().line(),
                        d.outcome().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '), d.reason())).toList(),
                s.warnings());
    }
}
