package dev.chassis.research.synthesis;

import java.util.Map;
import java.util.Objects;

/**
 * How well one objective was covered, per session (0 = not at all, 1 = fully).
 *
 * @param objective the objective id
 * @param label     what the objective is about, for people
 * @param bySession coverage per session id, in session order
 */
public record ObjectiveCoverage(String objective, String label, Map<String, Double> bySession) {

    /** A session counts as covering the objective at this level or above. */
    public static final double COVERED = 0.5;

    public ObjectiveCoverage {
        Objects.requireNonNull(objective, "objective");
        Objects.requireNonNull(label, "label");
        bySession = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(bySession));
    }

    /** Mean coverage over sessions, 0..1. */
    public double mean() {
        return bySession.values().stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }

    /** Sessions at or above {@link #COVERED}. */
    public long sessionsCovered() {
        return bySession.values().stream().filter(v -> v >= COVERED).count();
    }
}
