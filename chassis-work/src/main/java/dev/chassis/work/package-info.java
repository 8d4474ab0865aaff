/**
 * The work harness: for agents that do multi-step work. A {@link dev.chassis.work.flow.Workflow} of
 * steps runs step by step; each step's agent loop calls the model and tools, gates check the output
 * between steps, a failed gate retries the step with its findings, and everything is journaled so a
 * run resumes after a crash without redoing work or repeating a side effect.
 *
 * <p>Start at {@link dev.chassis.work.WorkHarness}. Where things live: orchestration (a run's steps, their
 * attempts, budgets, pauses) in {@code flow}; gates in {@code gate}; the journal's events and a run's record
 * in {@code journal} (written through the core journal SPI); side effects (model calls with retries, tool
 * calls through the policy and rate limits) in {@code internal.LocalActivities}; workflow files in
 * {@code yaml}; built-in tools in {@code retrieval}, {@code effects} and {@code instructions}; the offline
 * engine's realisation of a step in {@code realise}.
 */
package dev.chassis.work;
