/**
 * Monitors, alongside the conversation: each {@link dev.chassis.talk.monitor.Monitor} looks at a
 * finished user turn and a snapshot of the state and raises {@link dev.chassis.talk.signal.Signal}s
 * with evidence. They run on virtual threads after the reply is dispatched, each under its own time
 * budget; they never delay a reply, and late results still reach the turn after.
 */
package dev.chassis.talk.monitor;
