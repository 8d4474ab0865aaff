package dev.chassis.core.ledger;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One mistake an agent made, with its evidence and the fixes that prevent it.
 *
 * @param id        stable id (the file name without .yaml)
 * @param harness   {@code work} or {@code talk}
 * @param flaggedBy who noticed it (a person, a gate, a monitor)
 * @param mistake   how to recognise it on replay
 */
public record Incident(String id, String title, String harness, Instant at, String flaggedBy, Evidence evidence, Mistake mistake,
                       List<Fix> fixes) {

    public Incident {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(harness, "harness");
        Objects.requireNonNull(evidence, "evidence");
        Objects.requireNonNull(mistake, "mistake");
        fixes = fixes == null ? List.of() : List.copyOf(fixes);
        if (!harness.equals("work") && !harness.equals("talk")) {
            throw new IllegalArgumentException("harness must be work or talk, was '" + harness + "'");
        }
    }

    public Incident withFixes(List<Fix> newFixes) {
        return new Incident(id, title, harness, at, flaggedBy, evidence, mistake, newFixes);
    }
}
