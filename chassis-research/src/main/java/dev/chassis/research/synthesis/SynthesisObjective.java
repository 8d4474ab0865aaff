package dev.chassis.research.synthesis;

import java.util.List;
import java.util.Objects;

/**
 * An objective that coverage is measured against: from the study's guide, or inferred from the
 * questions the interviewer asked in most sessions.
 *
 * @param id    stable id; live sessions' coverage marks refer to it
 * @param label what it is about, for people
 * @param cues  texts that say what it covers (its questions, probes, keywords)
 */
public record SynthesisObjective(String id, String label, List<String> cues) {

    public SynthesisObjective {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("objective id must not be blank");
        }
        Objects.requireNonNull(label, "label");
        cues = List.copyOf(cues);
    }
}
