/**
 * A Chassis run as a Temporal workflow: the work harness's deterministic orchestration, unchanged, over
 * {@link dev.chassis.temporal.workflow.TemporalActivities}, whose model calls, tools and gates are Temporal
 * activities. Code here takes time only from the workflow, starts no threads and does no I/O (an ArchUnit rule
 * keeps it so): replayed from its history on any worker, a run makes the same decisions.
 */
package dev.chassis.temporal.workflow;
