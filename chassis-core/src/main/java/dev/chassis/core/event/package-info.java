/**
 * One typed event stream for everything a harness does: model calls, tool calls, policy decisions,
 * and the harnesses' own events (as {@link dev.chassis.core.event.HarnessEvent}s). Sinks consume it.
 *
 * <p>This package sits at the bottom of core: events carry plain values (names, ids, durations), so
 * every other package can emit them without a cycle.
 */
package dev.chassis.core.event;
