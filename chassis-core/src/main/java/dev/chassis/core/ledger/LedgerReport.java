package dev.chassis.core.ledger;

import java.util.List;

/** The outcome of replaying every incident: passes only when no mistake is possible again. */
public record LedgerReport(List<ReplayResult> results) {

    public LedgerReport {
        results = List.copyOf(results);
    }

    /** True when every incident was replayed and prevented. */
    public boolean passed() {
        return results.stream().allMatch(r -> r instanceof ReplayResult.Prevented);
    }

    /** One line per incident. */
    public List<String> lines() {
        return results.stream().map(r -> switch (r) {
            case ReplayResult.Prevented p -> "PREVENTED  " + p.incidentId() + ": " + p.how();
            case ReplayResult.StillPossible s -> "POSSIBLE   " + s.incidentId() + ": " + s.evidence();
            case ReplayResult.NotReplayable n -> "NOT RUN    " + n.incidentId() + ": " + n.reason();
        }).toList();
    }
}
