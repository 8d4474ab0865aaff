/** Observability of the talk harness: typed {@link dev.chassis.talk.observe.TalkEvent}s with timings, and OpenTelemetry spans per session and turn. */
package dev.chassis.talk.observe;
