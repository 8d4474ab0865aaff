package dev.chassis.research.ops.recruit;

import dev.chassis.research.ops.pool.Participant;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of screening a pool: a decision with a reason for every person, in pool order, and
 * warnings (quotas that could not be met).
 */
public record Screening(List<Decision> decisions, List<String> warnings) {

    public Screening {
        decisions = List.copyOf(decisions);
        warnings = List.copyOf(warnings);
    }

    /** What happened to one person. */
    public enum Outcome {
        /** Invited to a session. */
        SELECTED,
        /** Did not meet a requirement, or met an exclusion. */
        SCREENED_OUT,
        /** Looks like someone already in the pool (same email): a common sign of fraudulent sign-ups. */
        DUPLICATE,
        /** Eligible, but a quota for them was already full. */
        OVER_QUOTA,
        /** Eligible, not needed: all sessions are filled. */
        RESERVE
    }

    /** One person's outcome and why. */
    public record Decision(Participant participant, Outcome outcome, String reason) {
        public Decision {
            Objects.requireNonNull(participant, "participant");
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The selected people, in the order they were chosen. */
    public List<Participant> selected() {
        return decisions.stream().filter(d -> d.outcome() == Outcome.SELECTED).map(Decision::participant).toList();
    }

    public long count(Outcome outcome) {
        return decisions.stream().filter(d -> d.outcome() == outcome).count();
    }
}
