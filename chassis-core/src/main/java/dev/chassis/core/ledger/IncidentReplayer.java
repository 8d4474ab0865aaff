package dev.chassis.core.ledger;

/**
 * Replays incidents of one harness through that harness as it is configured now (with the fixes in
 * the ledger applied), with the recorded model output where the model made the mistake. Thread-safe.
 *
 * <pre>{@code
 * ReplayResult r = replayer.replay(incident, ledger);
 * if (r instanceof ReplayResult.StillPossible s) fail(s.evidence());
 * }</pre>
 */
public interface IncidentReplayer {

    /** {@code work} or {@code talk}. */
    String harness();

    /** Replays one incident with every fix of {@code ledger} applied. */
    ReplayResult replay(Incident incident, Ledger ledger);
}
