package dev.chassis.research.synthesis;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A group of statements that say the same thing: the raw material of a theme before it is written.
 *
 * @param index      stable position, most widespread first
 * @param label      the group's best key phrase as participants said it (the offline theme name)
 * @param keyTerms   its key phrases, most telling first
 * @param members    statements, most central first
 * @param sessionIds the sessions the members come from, in id order
 * @param cohesion   mean similarity of the members to the group's centre (0..1)
 * @param objective  the guide objective whose questions the members mostly answer, if one does
 */
public record Cluster(int index, String label, List<String> keyTerms, List<Statement> members, List<String> sessionIds,
                      double cohesion, Optional<String> objective) {

    public Cluster {
        Objects.requireNonNull(label, "label");
        keyTerms = List.copyOf(keyTerms);
        members = List.copyOf(members);
        sessionIds = List.copyOf(sessionIds);
        objective = Objects.requireNonNullElse(objective, Optional.empty());
    }

    /** How many sessions it came up in. */
    public int sessions() {
        return sessionIds.size();
    }

    Cluster withIndex(int i) {
        return new Cluster(i, label, keyTerms, members, sessionIds, cohesion, objective);
    }
}
