/**
 * The research-operations workflow: its steps (recruit, schedule and invite, conduct, check quality,
 * synthesise, report) as idempotent operations over a run folder, which the work harness runs, journals
 * and resumes.
 */
package dev.chassis.research.ops.workflow;
