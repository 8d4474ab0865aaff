/**
 * The work harness: for agents that do multi-step work. A {@link dev.chassis.work.flow.Workflow} of
 * steps runs step by step; each step's agent loop calls the model and tools, gates check the output
 * between steps, a failed gate retries the step with its findings, and everything is journaled so a
 * run resumes after a crash without redoing work or repeating a side effect.
 *
 * <p>Start at {@link dev.chassis.work.WorkHarness}.
 */
package dev.chassis.work;
