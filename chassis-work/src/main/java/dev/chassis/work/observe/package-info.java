/** Observability of the work harness: typed {@link dev.chassis.work.observe.WorkEvent}s with timings and costs, and OpenTelemetry spans run → step → attempt → call. */
package dev.chassis.work.observe;
