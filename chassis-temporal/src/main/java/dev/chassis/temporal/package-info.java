/**
 * Chassis workflows on Temporal. {@link dev.chassis.temporal.TemporalEngine} is a
 * {@link dev.chassis.work.WorkEngine}: the same workflow definitions (Java or YAML), the same calls and outcomes
 * as the local engine, with Temporal's history as the journal. {@link dev.chassis.temporal.ChassisWorkers} serves
 * runs from a task queue. The run's workflow is in {@code workflow} (deterministic), the side effects in
 * {@code activity}, the contract between them in {@code wire}.
 */
package dev.chassis.temporal;
