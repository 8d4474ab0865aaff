/**
 * Staging, before the session: a {@link dev.chassis.talk.stage.Briefing} packed into a
 * {@link dev.chassis.talk.stage.StagedContext} under a token budget, by priority, with cultural notes
 * for the session's language and a report of what was left out.
 */
package dev.chassis.talk.stage;
