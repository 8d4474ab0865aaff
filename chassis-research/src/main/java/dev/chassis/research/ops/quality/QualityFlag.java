package dev.chassis.research.ops.quality;

import java.util.List;
import java.util.Objects;

/**
 * A concern about one session.
 *
 * @param session the transcript id
 * @param kind    what kind of concern
 * @param reasons the evidence, each a sentence
 */
public record QualityFlag(String session, Kind kind, List<String> reasons) {

    public QualityFlag {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(kind, "kind");
        reasons = List.copyOf(reasons);
        if (reasons.isEmpty()) {
            throw new IllegalArgumentException("a quality flag needs at least one reason");
        }
    }

    /** The kinds of concern. */
    public enum Kind {
        /** The participant's engagement was low or fell away. */
        LOW_ENGAGEMENT,
        /** Answers were minimal or repeated. */
        LOW_EFFORT,
        /** Signs that the answers are not the participant's own (copied, pasted, impossibly fast). */
        LIKELY_FRAUD;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        }
    }
}
