/**
 * Conducting sessions: the {@link dev.chassis.research.ops.conduct.SessionConductor} port that runs one
 * scheduled session and returns its transcript (synthetic participants offline, live links otherwise),
 * and the events it reports while a session runs.
 */
package dev.chassis.research.ops.conduct;
