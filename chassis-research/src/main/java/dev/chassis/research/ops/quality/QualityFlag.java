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

    /** The sessions these flags exclude from synthesis, each with its reasons' kinds ({@code likely fraud}). */
    public static java.util.Map<String, String> exclusions(List<QualityFlag> flags) {
        java.util.Map<String, String> out = new java.util.TreeMap<>();
        flags.stream().filter(f -> f.kind().excludes())
                .forEach(f -> out.merge(f.session(), f.kind().label(), (a, b) -> a.contains(b) ? a : a + ", " + b));
        return out;
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

        /**
         * Whether a session with this flag is left out of synthesis: answers that are not the participant's
         * own (likely fraud) or that say almost nothing (low effort) would weigh on themes like real ones.
         * Low engagement is shown, not excluded: a tired participant's words are still theirs.
         */
        public boolean excludes() {
            return this != LOW_ENGAGEMENT;
        }
    }
}
