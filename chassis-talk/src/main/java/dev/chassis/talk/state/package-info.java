/**
 * The session state, during: an append-only log of {@link dev.chassis.talk.state.SessionEvent}s with
 * views kept current on every append (objectives and coverage, topics, claims, emotional moments,
 * engagement, language). Reads are lock-free immutable {@link dev.chassis.talk.state.SessionState}
 * snapshots; the state is a pure function of the log, so a session rebuilt from its journal equals
 * the one that was lost.
 */
package dev.chassis.talk.state;
