/**
 * Channels: how a reply reaches the person and their turns reach the session. A
 * {@link dev.chassis.talk.channel.Channel} receives typed frames; {@link dev.chassis.talk.channel.OutboundQueue}
 * gives a slow channel its own queue in which an interruption overtakes everything queued.
 */
package dev.chassis.talk.channel;
