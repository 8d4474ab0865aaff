/**
 * The run journal: every attempt, model call, tool call, gate verdict, pause and decision of a run
 * ({@link dev.chassis.work.journal.RunEvent}, a sealed set whose statuses, verdicts, outcomes and kinds of
 * pause are enums), each under a deterministic key, so that a resumed run replays what is recorded and does
 * only what is not. {@link dev.chassis.work.journal.RunRecord} loads and appends a run's events (with group
 * commit) over the core journal SPI; {@link dev.chassis.work.journal.RunUsage} sums what a run used.
 */
package dev.chassis.work.journal;
