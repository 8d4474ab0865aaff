package dev.chassis.research.synthesis;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A theme across sessions: a name, a one-line summary, its findings, how widely it came up, and where
 * it belongs in the study's guide.
 *
 * @param name       a short name a researcher would write, for example {@code Checking what AI gives them}
 * @param summary    one line; blank when the theme's only statement is its quote (a quote never repeats it)
 * @param keyTerms   the key phrases that characterise it, most telling first
 * @param findings   at least one, each with quotes
 * @param sessions   the number of sessions in which it came up
 * @param statements the number of participant statements grouped under it
 * @param sessionIds the sessions in which it came up, in id order (for segments and exports)
 * @param objective  the guide objective it answers; empty when it came up besides them
 */
public record Theme(String name, String summary, List<String> keyTerms, List<Finding> findings,
                    int sessions, int statements, List<String> sessionIds, Optional<String> objective) {

    public Theme {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(summary, "summary");
        keyTerms = List.copyOf(keyTerms);
        findings = List.copyOf(findings);
        sessionIds = sessionIds == null ? List.of() : List.copyOf(sessionIds);
        objective = Objects.requireNonNullElse(objective, Optional.empty());
        if (name.isBlank()) {
            throw new IllegalArgumentException("a theme needs a name");
        }
        if (findings.isEmpty()) {
            throw new IllegalArgumentException("theme '" + name + "' needs at least one finding");
        }
    }

    /** Every quote of every finding. */
    public List<Quote> quotes() {
        return findings.stream().flatMap(f -> f.quotes().stream()).toList();
    }
}
