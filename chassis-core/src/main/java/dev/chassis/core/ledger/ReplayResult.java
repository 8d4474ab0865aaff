package dev.chassis.core.ledger;

/** What a replay of an incident found: a closed set. */
public sealed interface ReplayResult {

    String incidentId();

    /** The mistake can no longer happen; {@code how} names what stopped it. */
    record Prevented(String incidentId, String how) implements ReplayResult { }

    /** The mistake happened again; {@code evidence} shows where. */
    record StillPossible(String incidentId, String evidence) implements ReplayResult { }

    /** The incident could not be replayed (its harness is not configured, or the evidence is incomplete). */
    record NotReplayable(String incidentId, String reason) implements ReplayResult { }
}
