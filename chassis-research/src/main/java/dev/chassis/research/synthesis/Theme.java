package dev.chassis.research.synthesis;

import java.util.List;
import java.util.Objects;

/**
 * A theme across sessions: a name, a one-sentence summary, its findings, and how widely it came up.
 *
 * @param name       a short name, for example {@code Brainstorming and feedback}
 * @param summary    one or two sentences
 * @param keyTerms   the terms that characterise it, most telling first
 * @param findings   at least one, each with quotes
 * @param sessions   the number of sessions in which it came up
 * @param statements the number of participant statements grouped under it
 */
public record Theme(String name, String summary, List<String> keyTerms, List<Finding> findings,
                    int sessions, int statements) {

    public Theme {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(summary, "summary");
        keyTerms = List.copyOf(keyTerms);
        findings = List.copyOf(findings);
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
