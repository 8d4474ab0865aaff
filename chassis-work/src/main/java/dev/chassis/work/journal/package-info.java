/**
 * The run journal: every attempt, model call, tool call, gate verdict, pause and decision of a run,
 * each under a deterministic key, so that a resumed run replays what is recorded and does only what
 * is not.
 */
package dev.chassis.work.journal;
