/**
 * The mistake ledger: every mistake an agent made, as an {@link dev.chassis.core.ledger.Incident}
 * with its evidence and the {@link dev.chassis.core.ledger.Fix}es that make it impossible again;
 * plain YAML files in the project, loaded at start-up, and replayed as regression cases by each
 * harness's {@link dev.chassis.core.ledger.IncidentReplayer}.
 */
package dev.chassis.core.ledger;
