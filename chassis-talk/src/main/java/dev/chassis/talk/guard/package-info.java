/**
 * Guards on the turn's own path, cheap enough for it: {@link dev.chassis.talk.guard.TakeoverGuard}
 * spots an attempt to take over the agent before steering runs, and
 * {@link dev.chassis.talk.guard.LeakGuard} stops a reply that starts reciting the staged context.
 */
package dev.chassis.talk.guard;
