/**
 * Workflows and their deterministic orchestration. Code here takes time, ids and randomness only from
 * the run, and does side effects only through {@link dev.chassis.work.flow.Activities} (model calls,
 * tool calls, gates), so a run can be replayed from its journal and run on Temporal unchanged. An
 * ArchUnit test keeps the JDK clock, UUIDs, threads and I/O out of this package.
 */
package dev.chassis.work.flow;
