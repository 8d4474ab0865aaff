package dev.chassis.research.report;

import dev.chassis.research.synthesis.Synthesis;
import java.util.List;
import java.util.Objects;

/**
 * Everything a report shows.
 *
 * @param title     the study's title
 * @param context   lines about where the sessions come from (study, dates, model), shown under the title
 * @param synthesis what was learnt
 * @param flags     quality concerns about sessions (may be empty)
 */
public record ReportInput(String title, List<String> context, Synthesis synthesis, List<SessionFlag> flags) {

    public ReportInput {
        Objects.requireNonNull(title, "title");
        context = List.copyOf(context);
        Objects.requireNonNull(synthesis, "synthesis");
        flags = List.copyOf(flags);
    }

    public static ReportInput of(String title, Synthesis synthesis) {
        return new ReportInput(title, List.of(), synthesis, List.of());
    }
}
