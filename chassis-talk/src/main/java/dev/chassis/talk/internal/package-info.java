/** Implementation of live sessions; not an API: use {@link dev.chassis.talk.TalkHarness} and {@link dev.chassis.talk.Session}. */
package dev.chassis.talk.internal;
