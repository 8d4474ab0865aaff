/**
 * Channels: how a reply reaches the person and their turns reach the session, as typed
 * {@link dev.chassis.talk.channel.Frame frames} each way (text today; audio frames can join the same set). A
 * {@link dev.chassis.talk.channel.Conversation} turns a session's replies into frames on a
 * {@link dev.chassis.talk.channel.Channel}; {@link dev.chassis.talk.channel.OutboundQueue} gives a slow channel its own
 * queue in which an interruption overtakes everything queued. The server's WebSocket, the terminal
 * ({@link dev.chassis.talk.channel.TerminalChannel}) and simulations all use them.
 */
package dev.chassis.talk.channel;
