package dev.chassis.talk.channel;

/**
 * Where frames for the person go: a WebSocket, a terminal, a text-to-speech engine. Called from
 * one thread at a time, in order. Implementations that are slow put an {@link OutboundQueue} in front.
 */
@FunctionalInterface
public interface Channel {

    void send(Frame.Out frame);
}
